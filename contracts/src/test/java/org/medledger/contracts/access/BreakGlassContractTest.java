package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.only;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Obligation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** access.break-glass and access.review through blocks. */
class BreakGlassContractTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");
  private static final String REASON = "unconscious in A&E, suspected overdose";

  private final HealthNetwork network = new HealthNetwork();
  private Member alice;
  private Member drDan;
  private Member auditor;

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
    auditor = network.enrol(ST_MARY, "audrey", Role.AUDITOR);
  }

  private SignedTransaction breakGlass(Member by, String reason) {
    return by.signer().sign(BreakGlassContract.BREAK_GLASS, AccessCodec.breakGlassPayload(ALICE, reason));
  }

  private SignedTransaction emergencyRead() {
    return request(drDan, ALICE, Action.READ, PurposeOfUse.ETREAT, DataClass.CONDITION);
  }

  private SignedTransaction review(Member by, String grant, ReviewOutcome outcome) {
    return by.signer().sign(BreakGlassReviewContract.REVIEW,
        AccessCodec.reviewPayload(new BreakGlassReview(grant, outcome)));
  }

  @Test
  void breakGlassPermitsWithObligationsUntilItExpiresAndIsReviewedByAnAuditor() {
    assertThat(network.ask(emergencyRead()).decision().reason()).isEqualTo(ReasonCode.NO_BREAK_GLASS);
    SignedTransaction declaring = breakGlass(drDan, REASON);
    ExecutedBlock declared = network.ledger().commit(declaring);
    TransactionResult result = only(declared);
    assertThat(result.code()).isEqualTo("ok");
    Event event = result.events().get(0);
    assertThat(event.name()).isEqualTo("access.break-glass");
    assertThat(event.attributes()).containsEntry("flagged", "true").containsEntry("notify-patient", "true");
    Instant grantedAt = network.ledger().now();
    Duration duration = PolicyParameters.defaults().breakGlassDuration();
    assertThat(event.attributes()).containsEntry("expires", grantedAt.plus(duration).toString());

    // the reason's text is nowhere on chain: only its hash
    String id = declaring.id().hex();
    BreakGlassRecord grant = BreakGlassGrants.grant(network.ledger().state(), id).orElseThrow();
    assertThat(grant.reasonSha256()).isEqualTo(Digest.sha256(REASON.getBytes(StandardCharsets.UTF_8)));
    assertThat(new String(declaring.encoded(), StandardCharsets.UTF_8)).doesNotContain("overdose");
    assertThat(new String(AccessCodec.encodeGrant(grant), StandardCharsets.UTF_8)).doesNotContain("overdose");
    assertThat(BreakGlassGrants.openReviews(network.ledger().state())).containsExactly(id);

    Decision permitted = network.ask(emergencyRead()).decision();
    assertThat(permitted.reason()).isEqualTo(ReasonCode.BREAK_GLASS);
    assertThat(permitted.obligations()).contains(Obligation.FLAG_BREAK_GLASS, Obligation.NOTIFY_PATIENT,
        Obligation.reviewWithin(PolicyParameters.defaults().reviewDeadline()));

    Decision lastMoment = network.askAt(grantedAt.plus(duration).minusMillis(1), emergencyRead()).decision();
    assertThat(lastMoment.isPermit()).isTrue();
    Decision expired = network.askAt(grantedAt.plus(duration), emergencyRead()).decision();
    assertThat(expired.reason()).isEqualTo(ReasonCode.BREAK_GLASS_EXPIRED);

    ExecutedBlock reviewed = network.ledger().commit(review(auditor, id, ReviewOutcome.APPROPRIATE));
    assertThat(only(reviewed).code()).isEqualTo("ok");
    assertThat(BreakGlassGrants.grant(network.ledger().state(), id).orElseThrow().review())
        .hasValueSatisfying(r -> {
          assertThat(r.outcome()).isEqualTo(ReviewOutcome.APPROPRIATE);
          assertThat(r.reviewer().name()).isEqualTo("audrey");
        });
    assertThat(BreakGlassGrants.openReviews(network.ledger().state())).isEmpty();
    assertUnchanged(review(auditor, id, ReviewOutcome.INAPPROPRIATE), "already-reviewed");
  }

  @Test
  void breakGlassOverridesAConsentDenyAndSaysSo() {
    network.ledger().commit(grant(alice, ALICE, Provision.deny().build()));
    network.ledger().commit(breakGlass(drDan, REASON));
    assertThat(network.ask(emergencyRead()).decision().reason())
        .isEqualTo(ReasonCode.BREAK_GLASS_OVERRIDES_CONSENT_DENY);
  }

  @Test
  void aLaterDeclarationDropsExpiredGrantsFromThePatientsIndex() {
    SignedTransaction first = breakGlass(drDan, REASON);
    network.ledger().commit(first);
    Instant later = network.ledger().now().plus(Duration.ofHours(5));
    SignedTransaction second = breakGlass(drDan, "still unconscious");
    assertThat(only(network.ledger().commitAt(later, second)).code()).isEqualTo("ok");
    assertThat(BreakGlassGrants.ids(network.ledger().state(), ALICE)).containsExactly(second.id().hex());
    assertThat(BreakGlassGrants.openReviews(network.ledger().state()))
        .containsExactlyInAnyOrder(first.id().hex(), second.id().hex());
  }

  @Test
  void theRequestersGrantInForceIsTheOneThatExpiresLastAndCarriesItsReview() throws Exception {
    Member drEve = network.enrol(CITY, "dr-eve", Role.PHYSICIAN);
    Party.Person dan = Party.person(CITY, "dr-dan");
    assertThat(BreakGlassGrants.inForce(network.ledger().state(), dan, ALICE)).isEmpty();

    SignedTransaction first = breakGlass(drDan, REASON);
    network.ledger().commit(first);
    SignedTransaction second = breakGlass(drDan, "still unconscious");
    network.ledger().commitAt(network.ledger().now().plus(Duration.ofHours(1)), second);
    SignedTransaction eves = breakGlass(drEve, REASON);
    network.ledger().commit(eves);
    assertThat(BreakGlassGrants.inForce(network.ledger().state(), dan, ALICE)).map(BreakGlassRecord::id)
        .hasValue(second.id().hex());
    assertThat(BreakGlassGrants.inForce(network.ledger().state(), Party.person(CITY, "dr-eve"), ALICE))
        .map(BreakGlassRecord::id).hasValue(eves.id().hex());

    network.ledger().commit(review(auditor, first.id().hex(), ReviewOutcome.APPROPRIATE));
    assertThat(BreakGlassGrants.inForce(network.ledger().state(), dan, ALICE).orElseThrow().review()).isEmpty();
    network.ledger().commit(review(auditor, second.id().hex(), ReviewOutcome.INAPPROPRIATE));
    BreakGlassRecord inForce = BreakGlassGrants.inForce(network.ledger().state(), dan, ALICE).orElseThrow();
    assertThat(inForce).isEqualTo(BreakGlassGrants.grant(network.ledger().state(), second.id().hex()).orElseThrow());
    assertThat(inForce.review()).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(ReviewOutcome.INAPPROPRIATE));

    // the first grant has expired, the second has not: an emergency read is permitted by the second
    Instant secondExpires = inForce.expiresAt();
    assertThat(network.askAt(secondExpires.minusSeconds(1), emergencyRead()).decision().reason())
        .isEqualTo(ReasonCode.BREAK_GLASS);
    assertThat(network.askAt(secondExpires, emergencyRead()).decision().reason())
        .isEqualTo(ReasonCode.BREAK_GLASS_EXPIRED);
  }

  @Test
  void badBreakGlassDeclarationsAndReviewsAreRefused() throws Exception {
    Member pharmacist = network.enrol(ST_MARY, "phil", Role.PHARMACIST);
    assertUnchanged(breakGlass(pharmacist, REASON), "role-not-allowed");
    assertUnchanged(breakGlass(alice, REASON), "role-not-allowed");
    assertUnchanged(breakGlass(drDan, ""), "break-glass-reason-required");
    assertUnchanged(drDan.signer().sign(BreakGlassContract.BREAK_GLASS,
        AccessCodec.breakGlassPayload(PatientId.of(ST_MARY, "ghost"), REASON)), "unknown-patient");
    assertUnchanged(drDan.signer().sign(BreakGlassContract.BREAK_GLASS, new byte[] {10, 0, 18, 3, 1, 2, 3}),
        "malformed-payload");

    SignedTransaction declaring = breakGlass(drDan, REASON);
    network.ledger().commit(declaring);
    assertUnchanged(review(auditor, "12".repeat(32), ReviewOutcome.APPROPRIATE), "unknown-grant");
    assertUnchanged(review(drDan, declaring.id().hex(), ReviewOutcome.APPROPRIATE), "role-not-allowed");
    assertUnchanged(auditor.signer().sign(BreakGlassReviewContract.REVIEW,
        org.medledger.contracts.codec.pb.ReviewBreakGlass.newBuilder().setGrantId(declaring.id().hex())
            .setOutcome("fine").build().toByteArray()), "malformed-payload");
  }

  private void assertUnchanged(SignedTransaction tx, String code) {
    ExecutedBlock block = network.ledger().commit(tx);
    assertThat(only(block).code()).as(only(block).message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).isTrue();
  }
}
