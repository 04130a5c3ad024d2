package org.medledger.contracts.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.medledger.contracts.policy.AccessRequest;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.PolicyDecisionPoint;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.policy.Requester;
import org.medledger.contracts.support.OnChainIdentities;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.governance.GovernedParameter;
import org.medledger.ledger.governance.ProvidesParameters;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * {@code access.request}: anyone asks for access to a patient's data; the policy decision point
 * decides against the world state at this point of the block, at the block time. The requester is
 * the verified signer (role, organisation, name and attributes from the certificate on chain).
 *
 * <p>The transaction succeeds whether access is permitted or denied: the decision is its outcome,
 * and the committed result is the audit record that must exist before any content is released. It
 * is kept under {@code access/decision/<tx id>}, appended to the patient's access log and to the
 * requester's, and reported as the event {@code access.decision} (effect, reason, obligations).
 * Refusals (bad input only): {@code malformed-payload}, {@code unknown-patient}, {@code
 * unknown-organisation} (the custodian).
 *
 * <p>Declares the governed parameter {@value PolicyParameter#NAME} (the policy that {@link
 * PolicySource#governed()} reads), so that governance may change it.
 */
public final class AccessRequestContract implements Contract, ProvidesParameters {
  public static final TransactionType REQUEST = TransactionType.of("access.request");

  private final PolicySource policy;
  private final PolicyStateCache cache;

  /** Deciding under {@code policy}, with a {@link PolicyStateCache} of its own. */
  public AccessRequestContract(PolicySource policy) {
    this(policy, new PolicyStateCache());
  }

  /** Deciding under {@code policy}, keeping decoded policy inputs in {@code cache}. */
  public AccessRequestContract(PolicySource policy, PolicyStateCache cache) {
    this.policy = policy;
    this.cache = cache;
  }

  @Override
  public List<GovernedParameter> parameters() {
    return List.of(PolicyParameter.INSTANCE);
  }

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(REQUEST, EnumSet.allOf(Role.class));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    Payloads.parse(() -> AccessCodec.parseRequest(payload));
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    RequestPayload payload = Payloads.parse(() -> AccessCodec.parseRequest(context.payload()));
    StateView state = context::get;
    OnChainIdentities.requirePatient(state, payload.patient());
    OnChainIdentities.requireOrganisation(state, payload.custodian());
    Requester requester = Requester.from(context.signer().claims());
    AccessRequest request = payload.toRequest(requester, context.blockTime());
    Decision decision = PolicyDecisionPoint.decide(request, new LedgerPolicyState(state, policy.at(state), cache));

    String id = context.transactionId().hex();
    Optional<String> grant = reliesOnBreakGlass(decision)
        ? BreakGlassGrants.inForce(state, requester.asPerson(), payload.patient()).map(BreakGlassRecord::id)
        : Optional.empty();
    context.put(AccessKeys.decision(id), AccessCodec.encodeDecision(new DecisionRecord(requester.asPerson(),
        requester.role(), payload, decision, context.blockHeight(), context.blockTime(), grant)));
    AccessLog.append(context, AccessKeys.patientLog(payload.patient()), id);
    AccessLog.append(context, AccessKeys.actorLog(requester.asPerson()), id);

    Map<String, String> event = new TreeMap<>();
    event.put("decision", id);
    event.put("effect", AccessCodec.effect(decision.effect()));
    event.put("reason", decision.reason().code());
    event.put("message", decision.message());
    event.put("obligations", obligations(decision));
    event.put("patient", payload.patient().name());
    event.put("patient-organisation", payload.patient().organisation().value());
    event.put("requester", requester.asPerson().toString());
    event.put("role", requester.role().id());
    grant.ifPresent(g -> event.put("break-glass-grant", g));
    context.emit("access.decision", event);
  }

  /**
   * A break-glass permit relies on the requester's grant in force for the patient: the one grant
   * {@link LedgerPolicyState} gives the decision point.
   */
  private static boolean reliesOnBreakGlass(Decision decision) {
    return decision.reason() == ReasonCode.BREAK_GLASS || decision.reason() == ReasonCode.BREAK_GLASS_OVERRIDES_CONSENT_DENY;
  }

  /** Obligations as text, e.g. {@code flag-break-glass,notify-patient,review-within:PT72H}. */
  static String obligations(Decision decision) {
    return decision.obligations().stream()
        .map(o -> AccessCodec.kind(o.kind()) + (o.within() == null ? "" : ":" + o.within()))
        .collect(Collectors.joining(","));
  }
}
