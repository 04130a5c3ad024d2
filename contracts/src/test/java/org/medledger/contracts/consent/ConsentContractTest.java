package org.medledger.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.only;
import static org.medledger.contracts.testing.HealthNetwork.request;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.codec.PolicyCodec;
import org.medledger.contracts.codec.pb.GrantConsent;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** consent.grant, consent.revoke, consent.delegate and consent.undelegate through blocks. */
class ConsentContractTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");
  private static final PatientId BOB = PatientId.of(ST_MARY, "bob");

  private final HealthNetwork network = new HealthNetwork();
  private Member alice;
  private Member bob;
  private Member guardian;
  private Member drDan;

  /** Dr Dan of city-clinic may read alice's observations for treatment. */
  private static Provision observationsForDan() {
    return Provision.permit().actors(Party.person(CITY, "dr-dan")).purposes(PurposeOfUse.TREAT)
        .classes(DataClass.OBSERVATION).build();
  }

  private SignedTransaction danReadsObservations() {
    return request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION);
  }

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    bob = network.enrol(ST_MARY, "bob", Role.PATIENT);
    guardian = network.enrol(ST_MARY, "gus", Role.PATIENT);
    drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
  }

  @Test
  void aGrantedConsentPermitsAndItsRevocationDeniesFromTheNextBlock() {
    assertThat(network.ask(danReadsObservations()).decision().reason()).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
    SignedTransaction granting = grant(alice, ALICE, observationsForDan());
    ExecutedBlock granted = network.ledger().commit(granting);
    assertThat(only(granted).code()).isEqualTo("ok");
    String id = granting.id().hex();
    assertThat(Consents.ids(network.ledger().state(), ALICE)).containsExactly(id);
    assertThat(only(granted).events().get(0).name()).isEqualTo("consent.granted");

    assertThat(network.ask(danReadsObservations()).decision().reason()).isEqualTo(ReasonCode.CONSENT);

    assertThat(only(network.ledger().commit(alice.signer().sign(ConsentRevokeContract.REVOKE,
        ConsentCodec.revokePayload(id)))).code()).isEqualTo("ok");
    ConsentRecord revoked = Consents.consent(network.ledger().state(), id).orElseThrow();
    assertThat(revoked.revocation()).hasValueSatisfying(r -> assertThat(r.by()).isEqualTo(ALICE.asPerson()));
    assertThat(network.ask(danReadsObservations()).decision().reason()).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
  }

  @Test
  void aRevocationDeniesLaterRequestsOfTheSameBlock() {
    SignedTransaction granting = grant(alice, ALICE, observationsForDan());
    network.ledger().commit(granting);
    SignedTransaction before = danReadsObservations();
    SignedTransaction after = danReadsObservations();
    ExecutedBlock block = network.ledger().commit(before,
        alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(granting.id().hex())), after);
    assertThat(block.block().results()).extracting(TransactionResult::code).containsExactly("ok", "ok", "ok");
    assertThat(network.decision(before).decision().isPermit()).isTrue();
    assertThat(network.decision(after).decision().isPermit()).isFalse();
  }

  @Test
  void theFhirConsentIsKeptOffChainAndOnlyItsHashIsStored() {
    byte[] fhir = "{\"resourceType\":\"Consent\",\"patient\":{\"display\":\"Alice Smith\"}}"
        .getBytes(StandardCharsets.UTF_8);
    SignedTransaction granting = alice.signer().sign(ConsentGrantContract.GRANT,
        ConsentCodec.grantPayload(ALICE, Period.ALWAYS, observationsForDan(), Optional.of(fhir)));
    assertThat(only(network.ledger().commit(granting)).code()).isEqualTo("ok");
    assertThat(Consents.consent(network.ledger().state(), granting.id().hex()).orElseThrow().fhirSha256())
        .contains(Digest.sha256(fhir));
    assertThat(new String(granting.encoded(), StandardCharsets.ISO_8859_1)).doesNotContain("Alice Smith");
  }

  @Test
  void aPatientCannotGrantForAnotherPatient() {
    ExecutedBlock block = network.ledger().commit(grant(bob, ALICE, observationsForDan()));
    assertThat(only(block).code()).isEqualTo("not-patient");
    assertThat(block.changes().isEmpty()).isTrue();
  }

  @Test
  void aNonPatientCannotGrant() {
    ExecutedBlock block = network.ledger().commit(grant(drDan, ALICE, observationsForDan()));
    assertThat(only(block).code()).isEqualTo("role-not-allowed");
    assertThat(block.changes().isEmpty()).isTrue();
  }

  @Test
  void aConsentForAnUnknownPatientOrActorIsRefused() {
    PatientId ghost = PatientId.of(ST_MARY, "ghost");
    assertUnchanged(grant(alice, ghost, observationsForDan()), "unknown-patient");
    // a physician is not a patient
    assertUnchanged(grant(alice, PatientId.of(CITY, "dr-dan"), observationsForDan()), "unknown-patient");
    assertUnchanged(grant(alice, ALICE, Provision.permit().actors(Party.person(CITY, "dr-nobody")).build()),
        "unknown-identity");
    assertUnchanged(grant(alice, ALICE, Provision.permit().actors(Party.organisation("elsewhere")).build()),
        "unknown-organisation");
  }

  @Test
  void malformedConsentsAreRefusedAndChangeNothing() {
    Instant start = Instant.parse("2026-04-01T00:00:00Z");
    GrantConsent valid = GrantConsent.newBuilder()
        .setPatient(PolicyCodec.toProto(ALICE))
        .setPeriod(PolicyCodec.toProto(Period.ALWAYS))
        .setProvision(PolicyCodec.toProto(observationsForDan()))
        .build();
    GrantConsent backwards = valid.toBuilder().setPeriod(org.medledger.contracts.codec.pb.Period.newBuilder()
        .setStartMillis(start.toEpochMilli()).setEndMillis(start.minus(Duration.ofDays(1)).toEpochMilli())).build();
    GrantConsent unknownAction = valid.toBuilder()
        .setProvision(valid.getProvision().toBuilder().addActions("teleport")).build();
    GrantConsent unknownClass = valid.toBuilder()
        .setProvision(valid.getProvision().toBuilder().setClasses(0, "Horoscope")).build();
    GrantConsent unknownPurpose = valid.toBuilder()
        .setProvision(valid.getProvision().toBuilder().setPurposes(0, "FUN")).build();
    GrantConsent badType = valid.toBuilder()
        .setProvision(valid.getProvision().toBuilder().setType("maybe")).build();
    GrantConsent noProvision = valid.toBuilder().clearProvision().build();
    GrantConsent badHash = valid.toBuilder().setFhirConsentSha256(ByteString.copyFrom(new byte[5])).build();
    GrantConsent backwardsProvision = valid.toBuilder().setProvision(valid.getProvision().toBuilder()
        .setPeriod(backwards.getPeriod())).build();
    for (GrantConsent bad : new GrantConsent[] {backwards, unknownAction, unknownClass, unknownPurpose, badType,
        noProvision, badHash, backwardsProvision}) {
      assertUnchanged(alice.signer().sign(ConsentGrantContract.GRANT, bad.toByteArray()), "malformed-payload");
    }
    // not canonical: a code spelled otherwise, an unknown field
    GrantConsent upperCase = valid.toBuilder()
        .setProvision(valid.getProvision().toBuilder().setPurposes(0, "treat")).build();
    assertUnchanged(alice.signer().sign(ConsentGrantContract.GRANT, upperCase.toByteArray()), "malformed-payload");
    byte[] extra = valid.toBuilder().setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
        .addField(99, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build())
        .build().toByteArray();
    assertUnchanged(alice.signer().sign(ConsentGrantContract.GRANT, extra), "malformed-payload");
    assertThat(only(network.ledger().commit(alice.signer().sign(ConsentGrantContract.GRANT, valid.toByteArray())))
        .code()).isEqualTo("ok");
  }

  @Test
  void revocationsOfUnknownOrRevokedConsentsOrByAnotherPatientAreRefused() {
    SignedTransaction granting = grant(alice, ALICE, observationsForDan());
    network.ledger().commit(granting);
    String id = granting.id().hex();
    assertUnchanged(alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload("ab".repeat(32))),
        "unknown-consent");
    assertUnchanged(bob.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(id)), "not-patient");
    assertUnchanged(drDan.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(id)),
        "role-not-allowed");
    assertUnchanged(alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload("not-an-id")),
        "malformed-payload");
    network.ledger().commit(alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(id)));
    assertUnchanged(alice.signer().sign(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(id)),
        "already-revoked");
  }

  @Test
  void aDelegateGrantsWithinTheDelegationsScopeOnly() {
    SignedTransaction delegating = delegate(Set.of(DataClass.OBSERVATION), Period.ALWAYS);
    assertThat(only(network.ledger().commit(delegating)).code()).isEqualTo("ok");

    SignedTransaction within = grant(guardian, ALICE, observationsForDan());
    assertThat(only(network.ledger().commit(within)).code()).isEqualTo("ok");
    assertThat(Consents.consent(network.ledger().state(), within.id().hex()).orElseThrow().grantedBy())
        .isEqualTo(Party.person(ST_MARY, "gus"));
    assertThat(network.ask(danReadsObservations()).decision().reason()).isEqualTo(ReasonCode.CONSENT);

    assertUnchanged(grant(guardian, ALICE, Provision.permit().actors(Party.person(CITY, "dr-dan"))
        .classes(DataClass.CONDITION).build()), "outside-delegation-scope");
    // a permit naming no class means every class: beyond an observations-only delegation
    assertUnchanged(grant(guardian, ALICE, Provision.permit().actors(Party.person(CITY, "dr-dan")).build()),
        "outside-delegation-scope");
    // the guardian is no delegate of bob
    assertUnchanged(grant(guardian, BOB, observationsForDan()), "not-patient");
  }

  @Test
  void anEndedDelegationNoLongerActs() {
    SignedTransaction delegating = delegate(Set.of(), Period.ALWAYS);
    network.ledger().commit(delegating);
    assertThat(only(network.ledger().commit(alice.signer().sign(DelegationContract.UNDELEGATE,
        ConsentCodec.undelegatePayload(delegating.id().hex())))).code()).isEqualTo("ok");
    assertUnchanged(grant(guardian, ALICE, observationsForDan()), "not-patient");
    assertUnchanged(alice.signer().sign(DelegationContract.UNDELEGATE,
        ConsentCodec.undelegatePayload(delegating.id().hex())), "already-ended");
    assertUnchanged(alice.signer().sign(DelegationContract.UNDELEGATE,
        ConsentCodec.undelegatePayload("cd".repeat(32))), "unknown-delegation");
    assertUnchanged(bob.signer().sign(DelegationContract.UNDELEGATE,
        ConsentCodec.undelegatePayload(delegating.id().hex())), "unknown-delegation");
  }

  @Test
  void delegationsOfUnknownPeopleOrToOneselfOrByNonPatientsAreRefused() {
    assertUnchanged(alice.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(Party.person(ST_MARY, "nobody"), Set.of(), Set.of(), Period.ALWAYS))),
        "unknown-identity");
    assertUnchanged(alice.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(ALICE.asPerson(), Set.of(), Set.of(), Period.ALWAYS))), "malformed-payload");
    assertUnchanged(drDan.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(Party.person(ST_MARY, "gus"), Set.of(), Set.of(), Period.ALWAYS))),
        "role-not-allowed");
  }

  private SignedTransaction delegate(Set<DataClass> classes, Period period) {
    return alice.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(Party.person(ST_MARY, "gus"), Set.of(), classes, period)));
  }

  private void assertUnchanged(SignedTransaction tx, String code) {
    ExecutedBlock block = network.ledger().commit(tx);
    assertThat(only(block).code()).as(only(block).message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).isTrue();
  }
}
