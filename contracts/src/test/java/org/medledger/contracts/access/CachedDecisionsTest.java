package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentRevokeContract;
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
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/**
 * Decisions through blocks while the access contract keeps the patient's decoded inputs between
 * decisions: a grant, a revocation, the end of a relationship or a change of delegation changes
 * the next decision at once, in the same block and in later ones.
 */
class CachedDecisionsTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");

  private final HealthNetwork network = new HealthNetwork();
  private Member alice;
  private Member drDan;
  private Member drCarol;
  private Member gus;

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
    drCarol = network.enrol(ST_MARY, "dr-carol", Role.PHYSICIAN);
    gus = network.enrol(ST_MARY, "gus", Role.PATIENT);
  }

  private SignedTransaction danReadsPsy() {
    return request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, SecurityLabel.PSY);
  }

  private SignedTransaction carolReadsObservations() {
    return request(drCarol, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION);
  }

  private SignedTransaction gusReadsForAlice() {
    return request(gus, ALICE, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION);
  }

  private static Provision psyForDan() {
    return Provision.permit().actors(Party.person(CITY, "dr-dan")).labels(SecurityLabel.PSY).build();
  }

  private SignedTransaction revoke(SignedTransaction granting) {
    return alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(granting.id().hex()));
  }

  private SignedTransaction delegateToGus() {
    return alice.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(Party.person(ST_MARY, "gus"), Set.of(Action.READ), Set.of(), Period.ALWAYS)));
  }

  private SignedTransaction undelegate(SignedTransaction delegating) {
    return alice.signer().sign(DelegationContract.UNDELEGATE,
        ConsentCodec.undelegatePayload(delegating.id().hex()));
  }

  private SignedTransaction admitToCarol() {
    return network.registrar(ST_MARY).signer().sign(RelationshipContract.ADD, RelationshipCodec.addPayload(
        new Relationship(ALICE, Party.person(ST_MARY, "dr-carol"), Relationship.Kind.ADMISSION, Period.ALWAYS)));
  }

  private SignedTransaction endRelationship(SignedTransaction adding) {
    return network.registrar(ST_MARY).signer().sign(RelationshipContract.END,
        RelationshipCodec.endPayload(new RelationshipEnd(ALICE, adding.id().hex())));
  }

  private ExecutedBlock commitOk(SignedTransaction... transactions) {
    ExecutedBlock block = network.ledger().commit(transactions);
    for (TransactionResult result : block.block().results()) {
      assertThat(result.code()).as(result.message()).isEqualTo("ok");
    }
    return block;
  }

  private ReasonCode reason(SignedTransaction request) {
    return network.decision(request).decision().reason();
  }

  @Test
  void aGrantAndItsRevocationChangeTheNextDecisionOfTheSameBlock() {
    SignedTransaction warm = danReadsPsy();
    commitOk(warm);
    assertThat(reason(warm)).isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);

    SignedTransaction before = danReadsPsy();
    SignedTransaction granting = grant(alice, ALICE, psyForDan());
    SignedTransaction granted = danReadsPsy();
    SignedTransaction revoking = revoke(granting);
    SignedTransaction revoked = danReadsPsy();
    commitOk(before, granting, granted, revoking, revoked);

    assertThat(reason(before)).isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
    assertThat(reason(granted)).isEqualTo(ReasonCode.CONSENT);
    assertThat(reason(revoked)).isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
  }

  @Test
  void aGrantAndItsRevocationChangeTheDecisionsOfLaterBlocks() {
    SignedTransaction granting = grant(alice, ALICE, psyForDan());
    commitOk(granting);
    SignedTransaction first = danReadsPsy();
    SignedTransaction again = danReadsPsy();
    commitOk(first);
    commitOk(again);
    assertThat(reason(first)).isEqualTo(ReasonCode.CONSENT);
    assertThat(reason(again)).isEqualTo(ReasonCode.CONSENT);

    commitOk(revoke(granting));
    SignedTransaction afterRevocation = danReadsPsy();
    commitOk(afterRevocation);
    assertThat(reason(afterRevocation)).isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);

    commitOk(grant(alice, ALICE, Provision.deny().actors(Party.person(CITY, "dr-dan")).build()),
        grant(alice, ALICE, psyForDan()));
    SignedTransaction denied = danReadsPsy();
    commitOk(denied);
    assertThat(reason(denied)).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
  }

  @Test
  void theEndOfARelationshipChangesTheNextDecisionInTheSameBlockAndLater() {
    SignedTransaction adding = admitToCarol();
    commitOk(adding);
    SignedTransaction warm = carolReadsObservations();
    commitOk(warm);
    assertThat(reason(warm)).isEqualTo(ReasonCode.TREATING_RELATIONSHIP);

    SignedTransaction before = carolReadsObservations();
    SignedTransaction after = carolReadsObservations();
    commitOk(before, endRelationship(adding), after);
    assertThat(reason(before)).isEqualTo(ReasonCode.TREATING_RELATIONSHIP);
    assertThat(reason(after)).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);

    SignedTransaction later = carolReadsObservations();
    commitOk(later);
    assertThat(reason(later)).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
  }

  @Test
  void aDelegationAndItsEndChangeTheNextDecisionInTheSameBlockAndLater() {
    SignedTransaction warm = gusReadsForAlice();
    commitOk(warm);
    assertThat(reason(warm)).isEqualTo(ReasonCode.NOT_OWN_DATA);

    SignedTransaction delegating = delegateToGus();
    SignedTransaction delegated = gusReadsForAlice();
    commitOk(delegating, delegated);
    assertThat(reason(delegated)).isEqualTo(ReasonCode.DELEGATE);

    SignedTransaction again = gusReadsForAlice();
    commitOk(again);
    assertThat(reason(again)).isEqualTo(ReasonCode.DELEGATE);

    SignedTransaction before = gusReadsForAlice();
    SignedTransaction after = gusReadsForAlice();
    commitOk(before, undelegate(delegating), after);
    assertThat(reason(before)).isEqualTo(ReasonCode.DELEGATE);
    assertThat(reason(after)).isEqualTo(ReasonCode.DELEGATION_EXPIRED);

    SignedTransaction later = gusReadsForAlice();
    commitOk(later);
    assertThat(reason(later)).isEqualTo(ReasonCode.DELEGATION_EXPIRED);
  }

  @Test
  void aFailedChangeLeavesTheDecisionAsItWas() {
    SignedTransaction granting = grant(alice, ALICE, psyForDan());
    commitOk(granting);
    commitOk(revoke(granting));
    SignedTransaction revokedAgain = revoke(granting);
    SignedTransaction request = danReadsPsy();
    ExecutedBlock block = network.ledger().commit(revokedAgain, request);
    assertThat(block.block().results()).extracting(TransactionResult::code).containsExactly("already-revoked", "ok");
    assertThat(reason(request)).isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
  }
}
