package org.medledger.node.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessKeys;
import org.medledger.contracts.access.BreakGlassGrants;
import org.medledger.contracts.access.BreakGlassRecord;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.access.PolicySource;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Requester;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.state.StateView;
import org.medledger.node.api.AccessViews.AccessLogView;
import org.medledger.node.api.AccessViews.ActorDecisionsView;
import org.medledger.node.api.AccessViews.DecisionView;
import org.medledger.node.api.AccessViews.ReviewList;
import org.medledger.node.api.AccessViews.ReviewView;

/**
 * The audit trail of access control, for signed requests only (see {@link ReadAccess} for who
 * reads what): a patient's access log, the decisions on one requester's requests, one decision,
 * and the break-glass grants waiting for an auditor's review.
 */
final class AccessRoutes {
  private final NodeLedger ledger;
  private final RequestAuthenticator authenticator;
  private final Clock clock;

  AccessRoutes(NodeLedger ledger, RequestAuthenticator authenticator, Clock clock) {
    this.ledger = ledger;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  /** {@code GET /v1/patients/{org}/{name}/access-log[?limit=N]}: the patient's decisions, newest first. */
  void accessLog(Context ctx) {
    Requester reader = authenticator.authenticate(ctx);
    PatientId patient = PathValues.patient(ctx);
    int limit = PathValues.limit(ctx);
    StateView state = ledger.chain().state();
    KnownIdentities.requirePatient(state, patient);
    ReadAccess.requirePatientRecords(reader, patient, DataClass.AUDIT_EVENT, state, clock.instant(),
        "the access log");
    DecisionLog log = DecisionLog.at(state, AccessKeys.patientLog(patient));
    ctx.json(new AccessLogView(patient.toString(), log.total(), decisions(state, log.latest(limit))));
  }

  /** {@code GET /v1/actors/{org}/{name}/decisions[?limit=N]}: decisions on that requester's requests, newest first. */
  void decisionsBy(Context ctx) {
    Requester reader = authenticator.authenticate(ctx);
    Party.Person requester = PathValues.person(ctx);
    int limit = PathValues.limit(ctx);
    StateView state = ledger.chain().state();
    KnownIdentities.requirePerson(state, requester);
    ReadAccess.requirePersonOrAuditor(reader, requester, "the decisions on the requests");
    DecisionLog log = DecisionLog.at(state, AccessKeys.actorLog(requester));
    ctx.json(new ActorDecisionsView(requester.toString(), log.total(), decisions(state, log.latest(limit))));
  }

  /** {@code GET /v1/decisions/{id}}: one decision, by the id of the request transaction. */
  void decision(Context ctx) {
    Requester reader = authenticator.authenticate(ctx);
    String id = PathValues.transactionId(ctx, "id", "a decision id (the id of the access request transaction)");
    StateView state = ledger.chain().state();
    DecisionRecord record = decisionRecord(state, id).orElseThrow(() ->
        new ProblemException(404, "unknown-decision", "no access decision " + id + " on chain"));
    PatientId patient = record.request().patient();
    if (!reader.isPerson(record.requester())
        && !ReadAccess.mayReadPatientRecords(reader, patient, DataClass.AUDIT_EVENT, state, clock.instant())) {
      throw ReadAccess.forbidden("decision " + id + " is for its requester " + record.requester() + ", the patient "
          + patient + ", a delegate of theirs whose delegation covers reading " + DataClass.AUDIT_EVENT
          + ", or an auditor", reader);
    }
    ctx.json(DecisionView.of(id, record));
  }

  /** {@code GET /v1/break-glass/reviews[?limit=N]}: grants waiting for review, the oldest first. */
  void openReviews(Context ctx) {
    Requester reader = authenticator.authenticate(ctx);
    int limit = PathValues.limit(ctx);
    ReadAccess.requireAuditor(reader, "the list of break-glass grants waiting for review");
    StateView state = ledger.chain().state();
    List<BreakGlassRecord> waiting = new ArrayList<>();
    for (String id : BreakGlassGrants.openReviews(state)) {
      waiting.add(BreakGlassGrants.grant(state, id).orElseThrow(() ->
          new IllegalStateException("break-glass grant " + id + " waits for review but is not on chain")));
    }
    waiting.sort(Comparator.comparing(BreakGlassRecord::grantedAt).thenComparing(BreakGlassRecord::id));
    Instant now = clock.instant();
    ReviewDeadlines deadlines = new ReviewDeadlines(state);
    List<ReviewView> reviews = waiting.stream().limit(limit)
        .map(grant -> ReviewView.of(grant, deadlines.due(grant), now)).toList();
    ctx.json(new ReviewList(waiting.size(), reviews));
  }

  private static Optional<DecisionRecord> decisionRecord(StateView state, String id) {
    return state.get(AccessKeys.decision(id)).map(AccessCodec::decodeDecision);
  }

  private static List<DecisionView> decisions(StateView state, List<String> ids) {
    List<DecisionView> views = new ArrayList<>(ids.size());
    for (String id : ids) {
      DecisionRecord record = decisionRecord(state, id).orElseThrow(() ->
          new IllegalStateException("decision " + id + " is logged but not on chain"));
      views.add(DecisionView.of(id, record));
    }
    return views;
  }

  /**
   * When the review of a grant is due: as the grant's {@code access.break-glass} event said
   * ({@code review-by}, from the review deadline in force when it was granted); should that event
   * not be found, the grant time plus the deadline in force now. Blocks are read once each.
   */
  private final class ReviewDeadlines {
    private final StateView state;
    private final Map<Long, Optional<Block>> blocks = new HashMap<>();

    ReviewDeadlines(StateView state) {
      this.state = state;
    }

    Instant due(BreakGlassRecord grant) {
      return ledger.chain().locate(Digest.fromHex(grant.id()))
          .flatMap(location -> blocks.computeIfAbsent(location.height(), h -> ledger.chain().block(h))
              .filter(block -> location.index() < block.results().size())
              .map(block -> block.results().get(location.index())))
          .flatMap(result -> result.events().stream().filter(e -> e.name().equals("access.break-glass")).findFirst())
          .map(Event::attributes)
          .map(attributes -> attributes.get("review-by"))
          .map(Instant::parse)
          .orElseGet(() -> grant.grantedAt().plus(PolicySource.governed().at(state).reviewDeadline()));
    }
  }
}
