package org.medledger.node.api;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medledger.contracts.access.BreakGlassGrants;
import org.medledger.contracts.access.BreakGlassRecord;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.ledger.state.StateView;

/**
 * Which break-glass grant a break-glass permit relied on: the one the policy decision point picks,
 * the requester's grant for the patient in force at the decision's time that lasts longest. Found
 * among the patient's indexed grants and those waiting for review; a grant that has left both
 * (expired, dropped from the index by a later one, and reviewed) is not found. For one request:
 * each grant is read once.
 */
final class GrantsUsed {
  private final StateView state;
  private final Map<PatientId, List<BreakGlassRecord>> byPatient = new HashMap<>();
  private final Map<String, Optional<BreakGlassRecord>> byId = new HashMap<>();
  private List<String> waitingForReview;

  GrantsUsed(StateView state) {
    this.state = state;
  }

  /** The id of the grant the decision relied on, if it is a break-glass permit and the grant is found. */
  Optional<String> of(DecisionRecord record) {
    ReasonCode reason = record.decision().reason();
    if (reason != ReasonCode.BREAK_GLASS && reason != ReasonCode.BREAK_GLASS_OVERRIDES_CONSENT_DENY) {
      return Optional.empty();
    }
    BreakGlassRecord used = null;
    for (BreakGlassRecord grant : grants(record.request().patient())) {
      if (grant.requester().equals(record.requester()) && grant.toPolicy().isActiveAt(record.time())
          && (used == null || grant.expiresAt().isAfter(used.expiresAt()))) {
        used = grant;
      }
    }
    return Optional.ofNullable(used).map(BreakGlassRecord::id);
  }

  private List<BreakGlassRecord> grants(PatientId patient) {
    return byPatient.computeIfAbsent(patient, p -> {
      Set<String> ids = new LinkedHashSet<>(BreakGlassGrants.ids(state, p));
      ids.addAll(waitingForReview());
      return ids.stream().map(id -> byId.computeIfAbsent(id, i -> BreakGlassGrants.grant(state, i)))
          .flatMap(Optional::stream)
          .filter(grant -> grant.patient().equals(p)).toList();
    });
  }

  private List<String> waitingForReview() {
    if (waitingForReview == null) {
      waitingForReview = BreakGlassGrants.openReviews(state);
    }
    return waitingForReview;
  }
}
