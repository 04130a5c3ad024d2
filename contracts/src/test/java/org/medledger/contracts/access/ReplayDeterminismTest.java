package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.HealthContracts;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** The same blocks replayed on a second ledger give the same decisions, results and state roots. */
class ReplayDeterminismTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");

  @Test
  void decisionsAreIdenticalWhenTheSameBlocksAreReplayed() throws Exception {
    HealthNetwork network = new HealthNetwork();
    Member alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    Member drCarol = network.enrol(ST_MARY, "dr-carol", Role.PHYSICIAN);
    Member drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
    Member auditor = network.enrol(CITY, "audrey", Role.AUDITOR);
    TestLedger ledger = network.ledger();

    SignedTransaction consent = grant(alice, ALICE, Provision.permit().actors(Party.organisation(CITY))
        .purposes(PurposeOfUse.TREAT).except(Provision.deny().labels(SecurityLabel.HIV).build()).build());
    ledger.commit(consent, grant(alice, ALICE, Provision.permit().actors(Party.person(CITY, "dr-dan"))
        .labels(SecurityLabel.PSY).build()),
        network.registrar(ST_MARY).signer().sign(RelationshipContract.ADD, RelationshipCodec.addPayload(
            new Relationship(ALICE, Party.person(ST_MARY, "dr-carol"), Relationship.Kind.ADMISSION, Period.ALWAYS))));
    ledger.commit(request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION),
        request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION, SecurityLabel.HIV),
        request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, SecurityLabel.PSY),
        request(drCarol, ALICE, Action.WRITE, PurposeOfUse.TREAT, DataClass.CONDITION),
        request(drCarol, ALICE, Action.EXPORT, PurposeOfUse.TREAT, DataClass.CONDITION));
    SignedTransaction emergency = drCarol.signer().sign(BreakGlassContract.BREAK_GLASS,
        AccessCodec.breakGlassPayload(ALICE, "collapsed"));
    ledger.commit(emergency, request(drCarol, ALICE, Action.READ, PurposeOfUse.ETREAT, DataClass.CONDITION),
        alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(consent.id().hex())),
        request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION));
    Instant later = ledger.now().plus(Duration.ofHours(5));
    ledger.commitAt(later, request(drCarol, ALICE, Action.READ, PurposeOfUse.ETREAT, DataClass.CONDITION),
        auditor.signer().sign(BreakGlassReviewContract.REVIEW,
            AccessCodec.reviewPayload(new BreakGlassReview(emergency.id().hex(), ReviewOutcome.INAPPROPRIATE))));

    TestLedger replica = new TestLedger(network.consortium(), HealthContracts.all());
    ledger.replayOnto(replica);

    assertThat(replica.chain().height()).isEqualTo(ledger.chain().height());
    for (long height = 1; height <= ledger.chain().height(); height++) {
      Block original = ledger.chain().block(height).orElseThrow();
      Block replayed = replica.chain().block(height).orElseThrow();
      assertThat(replayed.results()).isEqualTo(original.results());
      assertThat(replayed.header().hash()).isEqualTo(original.header().hash());
    }
    assertThat(replica.chain().stateRoot()).isEqualTo(ledger.chain().stateRoot());
    // the scenario exercised both outcomes
    assertThat(ledger.chain().block(ledger.chain().height() - 3).orElseThrow().results())
        .allSatisfy(r -> assertThat(r.code()).isEqualTo("ok"));
  }
}
