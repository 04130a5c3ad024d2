package org.medledger.node.api;

import static org.medledger.node.api.ConsentViews.codes;

import java.time.Instant;
import java.util.List;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.BreakGlassRecord;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Obligation;
import org.medledger.contracts.policy.SecurityLabel;

/** The JSON of access decisions and break-glass grants (codes as in {@link ConsentViews}). */
final class AccessViews {
  private AccessViews() {}

  /**
   * One access decision, as recorded on chain by {@code access.request}. {@code id} is the id of
   * the request transaction; obligations read {@code notify-patient}, {@code flag-break-glass},
   * {@code deidentify-output}, {@code review-within:PT72H}; {@code breakGlassGrant} is the grant a
   * break-glass permit relied on, as the decision recorded it (null otherwise).
   */
  record DecisionView(String id, long height, String time, String requester, String role, String patient,
      String action, String purpose, String dataClass, List<String> labels, String custodian, boolean deidentified,
      String effect, String reason, String message, List<String> obligations, String breakGlassGrant) {
    static DecisionView of(String id, DecisionRecord record) {
      RequestPayload request = record.request();
      Decision decision = record.decision();
      return new DecisionView(id, record.height(), record.time().toString(), record.requester().toString(),
          record.role().id(), request.patient().toString(), request.action().id(), request.purpose().code(),
          request.dataClass().fhirType(), codes(request.labels(), SecurityLabel::code), request.custodian().value(),
          request.deidentified(), AccessCodec.effect(decision.effect()), decision.reason().code(), decision.message(),
          decision.obligations().stream().map(AccessViews::obligation).toList(),
          record.breakGlassGrant().orElse(null));
    }
  }

  /** {@code GET /v1/patients/{org}/{name}/access-log}: the latest decisions, newest first, of {@code total}. */
  record AccessLogView(String patient, long total, List<DecisionView> decisions) {}

  /** {@code GET /v1/actors/{org}/{name}/decisions}: the latest, newest first, of {@code total}. */
  record ActorDecisionsView(String requester, long total, List<DecisionView> decisions) {}

  /**
   * A break-glass grant waiting for an auditor's review. {@code reviewDue} is when the review is
   * due (as the grant's obligation said), {@code overdue} whether the node's time is past it.
   */
  record ReviewView(String grant, String requester, String patient, String grantedAt, String expiresAt, long height,
      String reviewDue, boolean overdue, String reasonSha256) {
    static ReviewView of(BreakGlassRecord grant, Instant due, Instant now) {
      return new ReviewView(grant.id(), grant.requester().toString(), grant.patient().toString(),
          grant.grantedAt().toString(), grant.expiresAt().toString(), grant.height(), due.toString(),
          !now.isBefore(due), grant.reasonSha256().hex());
    }
  }

  /** {@code GET /v1/break-glass/reviews}: the oldest waiting grants first, of {@code total} waiting. */
  record ReviewList(long total, List<ReviewView> reviews) {}

  /** An obligation as the {@code access.decision} event writes it, e.g. {@code review-within:PT72H}. */
  static String obligation(Obligation obligation) {
    return AccessCodec.kind(obligation.kind()) + (obligation.within() == null ? "" : ":" + obligation.within());
  }
}
