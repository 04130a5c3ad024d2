package org.medledger.contracts.relationship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.only;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.codec.PolicyCodec;
import org.medledger.contracts.codec.pb.AddRelationship;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** relationship.add and relationship.end through blocks, and what they mean for access. */
class RelationshipContractTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");

  private final HealthNetwork network = new HealthNetwork();
  private final Member stMary = network.registrar(ST_MARY);
  private Member drCarol;

  @BeforeEach
  void enrol() throws Exception {
    network.enrol(ST_MARY, "alice", Role.PATIENT);
    drCarol = network.enrol(ST_MARY, "dr-carol", Role.PHYSICIAN);
  }

  private SignedTransaction admit(Member registrar, Relationship relationship) {
    return registrar.signer().sign(RelationshipContract.ADD, RelationshipCodec.addPayload(relationship));
  }

  private static Relationship carolTreatsAlice() {
    return new Relationship(ALICE, Party.person(ST_MARY, "dr-carol"), Relationship.Kind.ADMISSION,
        Period.from(Instant.parse("2026-01-01T00:00:00Z")));
  }

  private SignedTransaction end(Member registrar, String id) {
    return registrar.signer().sign(RelationshipContract.END,
        RelationshipCodec.endPayload(new RelationshipEnd(ALICE, id)));
  }

  private SignedTransaction carolReads(DataClass dataClass, SecurityLabel... labels) {
    return request(drCarol, ALICE, Action.READ, PurposeOfUse.TREAT, dataClass, labels);
  }

  @Test
  void aTreatingRelationshipPermitsUntilItEnds() {
    assertThat(network.ask(carolReads(DataClass.CONDITION)).decision().reason())
        .isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
    SignedTransaction admission = admit(stMary, carolTreatsAlice());
    assertThat(only(network.ledger().commit(admission)).code()).isEqualTo("ok");
    assertThat(network.ask(carolReads(DataClass.CONDITION)).decision().reason())
        .isEqualTo(ReasonCode.TREATING_RELATIONSHIP);
    // sensitive data needs explicit consent, a relationship is not enough
    assertThat(network.ask(carolReads(DataClass.CONDITION, SecurityLabel.PSY)).decision().reason())
        .isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);

    assertThat(only(network.ledger().commit(end(stMary, admission.id().hex()))).code()).isEqualTo("ok");
    assertThat(RelationshipContract.relationships(network.ledger().state(), ALICE).get(0).relationship().period()
        .end()).isEqualTo(network.ledger().now());
    assertThat(network.ask(carolReads(DataClass.CONDITION)).decision().reason())
        .isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
    assertUnchanged(end(stMary, admission.id().hex()), "already-ended");
  }

  @Test
  void anOrganisationalRelationshipCoversTheOrganisationsClinicians() throws Exception {
    Member nurse = network.enrol(ST_MARY, "nina", Role.NURSE);
    network.ledger().commit(admit(stMary, new Relationship(ALICE, Party.organisation(ST_MARY),
        Relationship.Kind.CARE_TEAM, Period.ALWAYS)));
    assertThat(network.ask(request(nurse, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION))
        .decision().reason()).isEqualTo(ReasonCode.TREATING_RELATIONSHIP);
  }

  @Test
  void onlyTheTreatingOrganisationsRegistrarRecordsOrEndsARelationship() {
    assertUnchanged(admit(network.registrar(CITY), carolTreatsAlice()), "foreign-organisation");
    assertUnchanged(drCarol.signer().sign(RelationshipContract.ADD, RelationshipCodec.addPayload(carolTreatsAlice())),
        "role-not-allowed");
    SignedTransaction admission = admit(stMary, carolTreatsAlice());
    network.ledger().commit(admission);
    assertUnchanged(end(network.registrar(CITY), admission.id().hex()), "foreign-organisation");
    assertUnchanged(end(stMary, "ef".repeat(32)), "unknown-relationship");
  }

  @Test
  void relationshipsWithUnknownPeopleOrBadPeriodsAreRefused() throws Exception {
    assertUnchanged(admit(stMary, new Relationship(PatientId.of(ST_MARY, "ghost"), Party.person(ST_MARY, "dr-carol"),
        Relationship.Kind.REFERRAL, Period.ALWAYS)), "unknown-patient");
    // dr-carol is registered, but not as a patient
    assertUnchanged(admit(stMary, new Relationship(PatientId.of(ST_MARY, "dr-carol"), Party.organisation(ST_MARY),
        Relationship.Kind.REFERRAL, Period.ALWAYS)), "unknown-patient");
    assertUnchanged(admit(stMary, new Relationship(ALICE, Party.person(ST_MARY, "dr-nobody"),
        Relationship.Kind.REFERRAL, Period.ALWAYS)), "unknown-identity");
    Instant start = Instant.parse("2026-03-05T00:00:00Z");
    AddRelationship backwards = AddRelationship.parseFrom(RelationshipCodec.addPayload(carolTreatsAlice()))
        .toBuilder().setPeriod(org.medledger.contracts.codec.pb.Period.newBuilder()
            .setStartMillis(start.toEpochMilli()).setEndMillis(start.minus(Duration.ofHours(1)).toEpochMilli()))
        .build();
    assertUnchanged(stMary.signer().sign(RelationshipContract.ADD, backwards.toByteArray()), "malformed-payload");
    AddRelationship unknownKind = backwards.toBuilder().setPeriod(PolicyCodec.toProto(Period.ALWAYS))
        .setKind("friendship").build();
    assertUnchanged(stMary.signer().sign(RelationshipContract.ADD, unknownKind.toByteArray()), "malformed-payload");
    AddRelationship roleParty = unknownKind.toBuilder().setKind("referral")
        .setParty(org.medledger.contracts.codec.pb.Party.newBuilder().setRole("physician")).build();
    assertUnchanged(stMary.signer().sign(RelationshipContract.ADD, roleParty.toByteArray()), "malformed-payload");
  }

  private void assertUnchanged(SignedTransaction tx, String code) {
    ExecutedBlock block = network.ledger().commit(tx);
    assertThat(only(block).code()).as(only(block).message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).isTrue();
  }
}
