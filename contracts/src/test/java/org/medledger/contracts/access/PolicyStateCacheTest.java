package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.HealthContracts;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentKeys;
import org.medledger.contracts.consent.ConsentRecord;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.consent.ConsentVersion;
import org.medledger.contracts.consent.PatientConsents;
import org.medledger.contracts.policy.AccessRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.PolicyDecisionPoint;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.policy.Requester;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * {@link PolicyStateCache} under {@link LedgerPolicyState}: a kept value is what reading afresh
 * gives, for the state it is asked about — whichever chain, and only once the patient's version
 * was read consistently.
 */
class PolicyStateCacheTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");
  private static final AccessRequest DAN_READS_PSY = AccessRequest.of(Requester.of(CITY, "dr-dan", Role.PHYSICIAN),
      ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION, Set.of(SecurityLabel.PSY),
      OrganisationId.of(ST_MARY), Instant.parse("2030-01-01T00:00:00Z"));

  private final HealthNetwork network = new HealthNetwork();
  private Member alice;

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
    network.enrol(ST_MARY, "dr-carol", Role.PHYSICIAN);
  }

  private static Provision psyForDan() {
    return Provision.permit().actors(Party.person(CITY, "dr-dan")).labels(SecurityLabel.PSY).build();
  }

  private static ReasonCode decide(StateView state, PolicyStateCache cache) {
    return PolicyDecisionPoint.decide(DAN_READS_PSY,
        new LedgerPolicyState(state, PolicyParameters.defaults(), cache)).reason();
  }

  @Test
  void theInputsAreReadOncePerVersionAndEqualAFreshRead() {
    PolicyStateCache cache = new PolicyStateCache();
    SignedTransaction granting = grant(alice, ALICE, psyForDan());
    network.ledger().commit(granting);
    StateView state = network.ledger().state();

    PatientConsents first = cache.consents(state, ALICE);
    PatientConsents second = cache.consents(state, ALICE);
    assertThat(second).isSameAs(first).isEqualTo(PatientConsents.read(state, ALICE));
    assertThat(first.consents()).extracting(Consent::id).containsExactly(granting.id().hex());
    assertThat(cache.stats().consentMisses()).isEqualTo(1);
    assertThat(cache.stats().consentHits()).isEqualTo(1);

    network.ledger().commit(alice.signer().sign(ConsentRevokeContract.REVOKE,
        ConsentCodec.revokePayload(granting.id().hex())));
    PatientConsents revoked = cache.consents(state, ALICE);
    assertThat(revoked).isEqualTo(PatientConsents.read(state, ALICE)).isNotEqualTo(first);
    assertThat(revoked.consents().get(0).status()).isEqualTo(Consent.Status.INACTIVE);
    assertThat(cache.stats().consentMisses()).isEqualTo(2);
  }

  @Test
  void relationshipsAreDecodedOncePerDistinctValue() {
    network.ledger().commit(network.registrar(ST_MARY).signer().sign(RelationshipContract.ADD,
        RelationshipCodec.addPayload(new Relationship(ALICE, Party.person(ST_MARY, "dr-carol"),
            Relationship.Kind.ADMISSION, Period.ALWAYS))));
    PolicyStateCache cache = new PolicyStateCache();
    StateView state = network.ledger().state();
    assertThat(cache.relationships(state, ALICE)).isSameAs(cache.relationships(state, ALICE))
        .containsExactlyElementsOf(RelationshipContract.relationships(state, ALICE).stream()
            .map(entry -> entry.relationship()).toList());
    assertThat(cache.stats().relationshipHits()).isEqualTo(1);
    assertThat(cache.relationships(state, PatientId.of(ST_MARY, "nobody"))).isEmpty();
  }

  @Test
  void twoChainsThatDivergeNeverShareWhatIsKept() {
    TestLedger other = new TestLedger(network.consortium(), HealthContracts.all());
    network.ledger().replayOnto(other);
    // the same patient at the same height: a permit on one chain, a deny on the other
    network.ledger().commit(grant(alice, ALICE, psyForDan()));
    other.commit(grant(alice, ALICE, Provision.deny().actors(Party.person(CITY, "dr-dan")).build()));

    PolicyStateCache shared = new PolicyStateCache();
    for (int round = 0; round < 2; round++) {
      assertThat(decide(network.ledger().state(), shared)).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(other.state(), shared)).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }
    assertThat(ConsentVersion.of(network.ledger().state(), ALICE).orElseThrow())
        .isNotEqualTo(ConsentVersion.of(other.state(), ALICE).orElseThrow());
    assertThat(shared.stats().consentMisses()).isEqualTo(2);
    assertThat(shared.stats().consentHits()).isEqualTo(2);
  }

  @Test
  void aReadDuringWhichTheVersionMovedIsNotKept() {
    TestLedger other = new TestLedger(network.consortium(), HealthContracts.all());
    network.ledger().replayOnto(other);
    network.ledger().commit(grant(alice, ALICE, psyForDan()));
    other.commit(grant(alice, ALICE, Provision.deny().actors(Party.person(CITY, "dr-dan")).build()));
    // a view that moves from one state to the other once the patient's version has been read,
    // as a live store might if a block were committed between the reads
    StateView before = network.ledger().state();
    StateView after = other.state();
    String versionKey = ConsentKeys.version(ALICE);
    boolean[] moved = {false};
    StateView moving = key -> {
      Optional<byte[]> value = (moved[0] ? after : before).get(key);
      if (key.equals(versionKey)) {
        moved[0] = true;
      }
      return value;
    };

    PolicyStateCache cache = new PolicyStateCache();
    assertThat(cache.consents(moving, ALICE)).isEqualTo(PatientConsents.read(after, ALICE));
    // nothing was kept under the first version: the stable view reads afresh, then keeps it
    assertThat(decide(before, cache)).isEqualTo(ReasonCode.CONSENT);
    assertThat(decide(before, cache)).isEqualTo(ReasonCode.CONSENT);
    assertThat(cache.stats().consentMisses()).isEqualTo(2);
    assertThat(cache.stats().consentHits()).isEqualTo(1);
  }

  @Test
  void aStateWithoutAConsentVersionIsReadAfreshEveryTime() {
    // consents written as before versions were kept: an index and a record, no version
    String id = "ab".repeat(32);
    Consent consent = Consent.active(id, ALICE, Period.ALWAYS, psyForDan());
    Map<String, byte[]> values = new HashMap<>();
    values.put(ConsentKeys.index(ALICE), IdListCodec.encode(java.util.List.of(id)));
    values.put(ConsentKeys.consent(id), ConsentCodec.encode(
        new ConsentRecord(consent, Optional.empty(), 3, ALICE.asPerson(), Optional.empty())));
    StateView state = key -> Optional.ofNullable(values.get(key));

    PolicyStateCache cache = new PolicyStateCache();
    assertThat(decide(state, cache)).isEqualTo(ReasonCode.CONSENT);
    values.put(ConsentKeys.consent(id), ConsentCodec.encode(new ConsentRecord(consent, Optional.empty(), 3,
        ALICE.asPerson(), Optional.empty()).revoked(new ConsentRecord.Revocation(4, Instant.EPOCH,
        ALICE.asPerson()))));
    assertThat(decide(state, cache)).isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
    assertThat(cache.stats().consentHits() + cache.stats().consentMisses()).isZero();
  }

  @Test
  void aCacheOfNoCapacityDecidesAsACachingOne() {
    network.ledger().commit(grant(alice, ALICE, psyForDan()));
    StateView state = network.ledger().state();
    assertThat(decide(state, PolicyStateCache.none())).isEqualTo(ReasonCode.CONSENT);
    assertThat(PolicyDecisionPoint.decide(DAN_READS_PSY, new LedgerPolicyState(state, PolicyParameters.defaults())))
        .isEqualTo(PolicyDecisionPoint.decide(DAN_READS_PSY,
            new LedgerPolicyState(state, PolicyParameters.defaults(), new PolicyStateCache())));
  }
}
