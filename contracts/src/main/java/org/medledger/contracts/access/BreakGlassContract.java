package org.medledger.contracts.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.AccessRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.BreakGlass;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.PolicyDecisionPoint;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.Requester;
import org.medledger.contracts.support.OnChainIdentities;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * {@code access.break-glass}: a clinician declares an emergency (ETREAT) for a patient with a
 * written reason. The policy decision point decides the declaration ({@link
 * PolicyDecisionPoint#decideBreakGlass}); on a permit the grant — from the block time for the
 * policy's break-glass duration — is kept under {@code access/break-glass/grant/<tx id>}, added to
 * the patient's break-glass index (dropping grants that have expired) and to the grants waiting
 * for review, kept as the requester's grant in force for the patient unless an earlier one of
 * theirs outlasts it ({@link AccessKeys#grantInForce}), and reported as the event {@code
 * access.break-glass}, flagged for an auditor's review and for notifying the patient. On a deny
 * the transaction fails with the decision's reason code.
 *
 * <p><b>The written reason never goes on chain.</b> It may contain PHI (a diagnosis, the patient's
 * situation), so the transaction carries only its SHA-256 ({@link
 * AccessCodec#breakGlassPayload(org.medledger.contracts.policy.PatientId, String)} hashes it on
 * the requester's side); the text stays with the requester's organisation, which shows it to the
 * reviewing auditor, who can check it against the hash on chain. The hash of an empty reason is
 * refused ({@code break-glass-reason-required}). Other refusals: {@code malformed-payload}, {@code
 * unknown-patient}.
 */
public final class BreakGlassContract implements Contract {
  public static final TransactionType BREAK_GLASS = TransactionType.of("access.break-glass");

  private final PolicySource policy;

  public BreakGlassContract(PolicySource policy) {
    this.policy = policy;
  }

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(BREAK_GLASS, Set.of(Role.PHYSICIAN, Role.NURSE));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    Payloads.parse(() -> AccessCodec.parseBreakGlass(payload));
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    BreakGlassDeclaration declaration = Payloads.parse(() -> AccessCodec.parseBreakGlass(context.payload()));
    StateView state = context::get;
    OnChainIdentities.requirePatient(state, declaration.patient());
    Requester requester = Requester.from(context.signer().claims());
    PolicyParameters parameters = policy.at(state);
    AccessRequest request = new AccessRequest(requester, declaration.patient(), Action.READ, PurposeOfUse.ETREAT,
        DataClass.PATIENT, Set.of(), declaration.patient().organisation(), context.blockTime(),
        declaration.reasonSha256().equals(BreakGlassDeclaration.NO_REASON)
            ? Optional.empty()
            : Optional.of("sha256:" + declaration.reasonSha256().hex()),
        false);
    Decision decision = PolicyDecisionPoint.decideBreakGlass(request, new LedgerPolicyState(state, parameters));
    if (!decision.isPermit()) {
      throw new ContractException(decision.reason().code(), decision.message());
    }
    BreakGlass grant = BreakGlass.grant(request, parameters);
    String id = context.transactionId().hex();
    BreakGlassRecord record = new BreakGlassRecord(id, grant.requester(), grant.patient(),
        declaration.reasonSha256(), grant.grantedAt(), grant.expiresAt(), context.blockHeight(), Optional.empty());
    context.put(AccessKeys.grant(id), AccessCodec.encodeGrant(record));
    Optional<BreakGlassRecord> inForce = BreakGlassGrants.inForce(state, grant.requester(), grant.patient());
    if (inForce.isEmpty() || !inForce.get().expiresAt().isAfter(grant.expiresAt())) {
      context.put(AccessKeys.grantInForce(grant.patient(), grant.requester()), AccessCodec.encodeGrant(record));
    }
    List<String> index = new ArrayList<>();
    for (BreakGlassRecord earlier : BreakGlassGrants.of(state, declaration.patient())) {
      if (!earlier.toPolicy().hasExpiredBy(context.blockTime())) {
        index.add(earlier.id());
      }
    }
    context.put(AccessKeys.grants(declaration.patient()), IdListCodec.encode(IdListCodec.with(index, id)));
    context.put(AccessKeys.openReviews(),
        IdListCodec.encode(IdListCodec.with(BreakGlassGrants.openReviews(state), id)));

    Map<String, String> event = new TreeMap<>();
    event.put("grant", id);
    event.put("patient", declaration.patient().name());
    event.put("patient-organisation", declaration.patient().organisation().value());
    event.put("requester", requester.asPerson().toString());
    event.put("role", requester.role().id());
    event.put("expires", grant.expiresAt().toString());
    event.put("reason-sha256", declaration.reasonSha256().hex());
    event.put("flagged", "true");
    event.put("notify-patient", "true");
    event.put("review-by", grant.grantedAt().plus(parameters.reviewDeadline()).toString());
    event.put("obligations", AccessRequestContract.obligations(decision));
    context.emit("access.break-glass", event);
  }
}
