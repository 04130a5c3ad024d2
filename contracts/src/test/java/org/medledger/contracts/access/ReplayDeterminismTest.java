package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.HealthContracts;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.consent.ConsentVersion;
import org.medledger.contracts.consent.DelegationContract;
import org.medledger.contracts.consent.DelegationRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.contracts.relationship.RelationshipEnd;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/**
 * The same blocks replayed on a second ledger give the same decisions, results and state roots,
 * whether or not the access contract keeps decoded inputs between decisions.
 */
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

    assertSameChain(replica, ledger);
    // the scenario exercised both outcomes
    assertThat(ledger.chain().block(ledger.chain().height() - 3).orElseThrow().results())
        .allSatisfy(r -> assertThat(r.code()).isEqualTo("ok"));
  }

  /**
   * Consents, relationships and delegations changing between decisions that the access contract
   * decides from what it keeps: in the same block and in later ones. A replay on a second ledger,
   * and one on a ledger whose contracts keep nothing between decisions, give the same results,
   * block hashes, state roots and consent versions.
   */
  @Test
  void decisionsFromKeptInputsAreIdenticalToFreshOnesAndToAReplay() throws Exception {
    HealthNetwork network = new HealthNetwork();
    Member alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    Member gus = network.enrol(ST_MARY, "gus", Role.PATIENT);
    Member drCarol = network.enrol(ST_MARY, "dr-carol", Role.PHYSICIAN);
    Member drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
    TestLedger ledger = network.ledger();
    Member stMary = network.registrar(ST_MARY);

    SignedTransaction psy = grant(alice, ALICE, Provision.permit().actors(Party.person(CITY, "dr-dan"))
        .labels(SecurityLabel.PSY).build());
    SignedTransaction admission = stMary.signer().sign(RelationshipContract.ADD, RelationshipCodec.addPayload(
        new Relationship(ALICE, Party.person(ST_MARY, "dr-carol"), Relationship.Kind.ADMISSION, Period.ALWAYS)));
    SignedTransaction delegation = alice.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(Party.person(ST_MARY, "gus"), Set.of(Action.READ), Set.of(), Period.ALWAYS)));
    SignedTransaction danReadsPsy = request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION,
        SecurityLabel.PSY);
    SignedTransaction carolReads = request(drCarol, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION);
    SignedTransaction gusReads = request(gus, ALICE, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION);
    ledger.commit(request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, SecurityLabel.PSY),
        psy, danReadsPsy, admission, carolReads, delegation, gusReads);
    ledger.commit(request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, SecurityLabel.PSY),
        request(drCarol, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION),
        request(gus, ALICE, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION));
    ledger.commit(alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(psy.id().hex())),
        request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, SecurityLabel.PSY),
        stMary.signer().sign(RelationshipContract.END,
            RelationshipCodec.endPayload(new RelationshipEnd(ALICE, admission.id().hex()))),
        request(drCarol, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION),
        alice.signer().sign(DelegationContract.UNDELEGATE, ConsentCodec.undelegatePayload(delegation.id().hex())),
        request(gus, ALICE, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION));
    ledger.commit(request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, SecurityLabel.PSY),
        request(drCarol, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION),
        request(gus, ALICE, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION));

    List<ReasonCode> reasons = new ArrayList<>();
    for (long height = ledger.chain().height() - 3; height <= ledger.chain().height(); height++) {
      for (TransactionResult result : ledger.chain().block(height).orElseThrow().results()) {
        assertThat(result.code()).as(result.message()).isEqualTo("ok");
        result.events().stream().filter(event -> event.name().equals("access.decision"))
            .forEach(event -> reasons.add(ReasonCode.parse(event.attributes().get("reason"))));
      }
    }
    assertThat(reasons).containsExactly(
        ReasonCode.SENSITIVE_NEEDS_CONSENT, ReasonCode.CONSENT, ReasonCode.TREATING_RELATIONSHIP, ReasonCode.DELEGATE,
        ReasonCode.CONSENT, ReasonCode.TREATING_RELATIONSHIP, ReasonCode.DELEGATE,
        ReasonCode.SENSITIVE_NEEDS_CONSENT, ReasonCode.NO_RELATIONSHIP_OR_CONSENT, ReasonCode.DELEGATION_EXPIRED,
        ReasonCode.SENSITIVE_NEEDS_CONSENT, ReasonCode.NO_RELATIONSHIP_OR_CONSENT, ReasonCode.DELEGATION_EXPIRED);

    TestLedger replica = new TestLedger(network.consortium(), HealthContracts.all());
    ledger.replayOnto(replica);
    assertSameChain(replica, ledger);
    TestLedger uncached = new TestLedger(network.consortium(), withoutCaches());
    ledger.replayOnto(uncached);
    assertSameChain(uncached, ledger);
    for (PatientId patient : List.of(ALICE, PatientId.of(ST_MARY, "gus"))) {
      assertThat(ConsentVersion.of(replica.state(), patient).orElse(null))
          .isEqualTo(ConsentVersion.of(ledger.state(), patient).orElse(null))
          .isEqualTo(ConsentVersion.of(uncached.state(), patient).orElse(null));
    }
    assertThat(ConsentVersion.of(ledger.state(), ALICE)).isPresent();
  }

  /** The health contracts with access decisions that read and decode every input afresh. */
  private static List<Contract> withoutCaches() {
    PolicySource policy = PolicySource.governed();
    return List.of(new ConsentGrantContract(), new ConsentRevokeContract(), new DelegationContract(),
        new RelationshipContract(), new AccessRequestContract(policy, PolicyStateCache.none()),
        new BreakGlassContract(policy), new BreakGlassReviewContract());
  }

  private static void assertSameChain(TestLedger replayed, TestLedger original) {
    assertThat(replayed.chain().height()).isEqualTo(original.chain().height());
    for (long height = 1; height <= original.chain().height(); height++) {
      Block expected = original.chain().block(height).orElseThrow();
      Block actual = replayed.chain().block(height).orElseThrow();
      assertThat(actual.results()).isEqualTo(expected.results());
      assertThat(actual.header().hash()).isEqualTo(expected.header().hash());
    }
    assertThat(replayed.chain().stateRoot()).isEqualTo(original.chain().stateRoot());
  }
}
