package org.medledger.contracts.access;

import java.util.Map;
import java.util.Set;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.Requester;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * {@code access.review}: an auditor records the outcome of their review of a break-glass grant
 * (appropriate or inappropriate) on the grant (and on the requester's grant in force, if it is
 * that one), which leaves the list of grants waiting for review. Refusals:
 * {@code malformed-payload}, {@code unknown-grant}, {@code already-reviewed}.
 */
public final class BreakGlassReviewContract implements Contract {
  public static final TransactionType REVIEW = TransactionType.of("access.review");

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(REVIEW, Set.of(Role.AUDITOR));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    Payloads.parse(() -> AccessCodec.parseReview(payload));
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    BreakGlassReview review = Payloads.parse(() -> AccessCodec.parseReview(context.payload()));
    StateView state = context::get;
    BreakGlassRecord grant = BreakGlassGrants.grant(state, review.grantId()).orElseThrow(() ->
        new ContractException("unknown-grant", "no break-glass grant " + review.grantId() + " on chain"));
    if (grant.review().isPresent()) {
      throw new ContractException("already-reviewed", "break-glass grant " + grant.id() + " was reviewed at height "
          + grant.review().get().height());
    }
    Requester auditor = Requester.from(context.signer().claims());
    byte[] reviewed = AccessCodec.encodeGrant(grant.reviewed(new BreakGlassRecord.Review(
        review.outcome(), auditor.asPerson(), context.blockTime(), context.blockHeight())));
    context.put(AccessKeys.grant(grant.id()), reviewed);
    if (BreakGlassGrants.inForce(state, grant.requester(), grant.patient())
        .filter(inForce -> inForce.id().equals(grant.id())).isPresent()) {
      context.put(AccessKeys.grantInForce(grant.patient(), grant.requester()), reviewed);
    }
    context.put(AccessKeys.openReviews(),
        IdListCodec.encode(IdListCodec.without(BreakGlassGrants.openReviews(state), grant.id())));
    context.emit("access.reviewed", Map.of("grant", grant.id(), "outcome", review.outcome().id(),
        "reviewer", auditor.asPerson().toString(), "patient", grant.patient().name(),
        "patient-organisation", grant.patient().organisation().value(), "requester", grant.requester().toString()));
  }
}
