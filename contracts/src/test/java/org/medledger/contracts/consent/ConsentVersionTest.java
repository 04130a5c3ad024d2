package org.medledger.contracts.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** A patient's consent version moves on with every write to their consent inputs, and only then. */
class ConsentVersionTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");
  private static final PatientId BOB = PatientId.of(ST_MARY, "bob");

  private final HealthNetwork network = new HealthNetwork();
  private Member alice;
  private Member drDan;

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    network.enrol(ST_MARY, "bob", Role.PATIENT);
    network.enrol(ST_MARY, "gus", Role.PATIENT);
    drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
  }

  private StateView state() {
    return network.ledger().state();
  }

  private Optional<byte[]> version(PatientId patient) {
    return ConsentVersion.of(state(), patient);
  }

  private static Provision observationsForDan() {
    return Provision.permit().actors(Party.person(CITY, "dr-dan")).classes(DataClass.OBSERVATION).build();
  }

  /** Commits one transaction, checks its code, and returns the patient's version afterwards. */
  private byte[] versionAfter(SignedTransaction tx, String code, PatientId patient) {
    ExecutedBlock block = network.ledger().commit(tx);
    TransactionResult result = block.block().results().get(0);
    assertThat(result.code()).as(result.message()).isEqualTo(code);
    return version(patient).orElse(null);
  }

  @Test
  void everyGrantRevocationAndDelegationChangeMovesTheVersionOn() {
    assertThat(version(ALICE)).isEmpty();
    SignedTransaction granting = grant(alice, ALICE, observationsForDan());
    byte[] granted = versionAfter(granting, "ok", ALICE);
    assertThat(granted).hasSize(32);

    byte[] revoked = versionAfter(alice.signer().sign(ConsentRevokeContract.REVOKE,
        ConsentCodec.revokePayload(granting.id().hex())), "ok", ALICE);
    assertThat(revoked).isNotEqualTo(granted);

    SignedTransaction delegating = alice.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
        new DelegationRequest(Party.person(ST_MARY, "gus"), Set.of(), Set.of(), Period.ALWAYS)));
    byte[] delegated = versionAfter(delegating, "ok", ALICE);
    assertThat(delegated).isNotIn(granted, revoked);

    byte[] undelegated = versionAfter(alice.signer().sign(DelegationContract.UNDELEGATE,
        ConsentCodec.undelegatePayload(delegating.id().hex())), "ok", ALICE);
    assertThat(undelegated).isNotIn(granted, revoked, delegated);
    assertThat(version(BOB)).isEmpty();
  }

  @Test
  void refusedChangesAndOtherTransactionsLeaveTheVersionAlone() {
    SignedTransaction granting = grant(alice, ALICE, observationsForDan());
    network.ledger().commit(granting);
    SignedTransaction revoking = alice.signer().sign(ConsentRevokeContract.REVOKE,
        ConsentCodec.revokePayload(granting.id().hex()));
    byte[] revoked = versionAfter(revoking, "ok", ALICE);

    assertThat(versionAfter(alice.signer().sign(ConsentRevokeContract.REVOKE,
        ConsentCodec.revokePayload(granting.id().hex())), "already-revoked", ALICE)).isEqualTo(revoked);
    assertThat(versionAfter(request(drDan, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION), "ok",
        ALICE)).isEqualTo(revoked);
    assertThat(versionAfter(network.registrar(ST_MARY).signer().sign(RelationshipContract.ADD,
        RelationshipCodec.addPayload(new Relationship(ALICE, Party.organisation(ST_MARY),
            Relationship.Kind.CARE_TEAM, Period.ALWAYS))), "ok", ALICE)).isEqualTo(revoked);
  }

  @Test
  void theVersionChainsOverTheValuesWrittenFromASeedOfThePatient() {
    byte[] seed = ConsentVersion.seed(state(), ALICE);
    SignedTransaction granting = grant(alice, ALICE, observationsForDan());
    network.ledger().commit(granting);
    String id = granting.id().hex();
    byte[] record = state().get(ConsentKeys.consent(id)).orElseThrow();
    byte[] index = state().get(ConsentKeys.index(ALICE)).orElseThrow();

    byte[] expected = ConsentVersion.next(ConsentVersion.next(seed, ConsentKeys.consent(id), record),
        ConsentKeys.index(ALICE), index);
    assertThat(version(ALICE)).hasValue(expected);
  }

  @Test
  void seedsDifferByPatientAndByTheInputsAlreadyThere() {
    Map<String, byte[]> values = new HashMap<>();
    StateView map = key -> Optional.ofNullable(values.get(key));
    byte[] empty = ConsentVersion.seed(map, ALICE);
    assertThat(ConsentVersion.seed(map, BOB)).isNotEqualTo(empty);
    assertThat(ConsentVersion.seed(map, ALICE)).isEqualTo(empty);

    String id = "cd".repeat(32);
    values.put(ConsentKeys.index(ALICE), IdListCodec.encode(List.of(id)));
    byte[] indexOnly = ConsentVersion.seed(map, ALICE);
    values.put(ConsentKeys.consent(id), new byte[] {1});
    byte[] withRecord = ConsentVersion.seed(map, ALICE);
    values.put(ConsentKeys.consent(id), new byte[] {2});
    byte[] otherRecord = ConsentVersion.seed(map, ALICE);
    values.put(ConsentKeys.delegations(ALICE), new byte[0]);
    byte[] withDelegations = ConsentVersion.seed(map, ALICE);
    assertThat(List.of(empty, indexOnly, withRecord, otherRecord, withDelegations))
        .extracting(bytes -> java.util.HexFormat.of().formatHex(bytes))
        .doesNotHaveDuplicates();
  }

  @Test
  void theNextVersionDependsOnThePreviousTheKeyAndTheValue() {
    byte[] previous = new byte[32];
    byte[] next = ConsentVersion.next(previous, "consent/c/a", new byte[] {1});
    assertThat(ConsentVersion.next(previous, "consent/c/a", new byte[] {1})).isEqualTo(next);
    assertThat(ConsentVersion.next(new byte[] {1}, "consent/c/a", new byte[] {1})).isNotEqualTo(next);
    assertThat(ConsentVersion.next(previous, "consent/c/b", new byte[] {1})).isNotEqualTo(next);
    assertThat(ConsentVersion.next(previous, "consent/c/a", new byte[] {2})).isNotEqualTo(next);
  }
}
