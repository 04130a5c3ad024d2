package org.medledger.contracts.access;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.medledger.contracts.consent.ConsentVersion;
import org.medledger.contracts.consent.PatientConsents;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipEntry;
import org.medledger.contracts.relationship.RelationshipKeys;
import org.medledger.contracts.support.BoundedCache;
import org.medledger.contracts.support.StateValueKey;
import org.medledger.ledger.state.StateView;

/**
 * The decoded policy inputs of recent patients, kept between access decisions so that a decision
 * reads one key of the world state for the patient's consents and delegations (their {@link
 * ConsentVersion}) and one for their relationships, instead of the consent index and every
 * consent. Two bounded least-recently-used caches:
 *
 * <ul>
 *   <li>{@link PatientConsents} by (patient, consent version). Equal versions mean equal inputs in
 *       any state (see {@link ConsentVersion}), so a kept value is what reading the inputs afresh
 *       would give, whichever chain, block or overlay the state is.
 *   <li>A patient's relationships by (patient, the exact bytes of their relationship list).
 * </ul>
 *
 * A patient whose state holds no consent version (nothing written since versions were kept) is
 * read afresh each time. Thread-safe; one instance serves the contracts of one node ({@link
 * org.medledger.contracts.HealthContracts#all(PolicySource)} makes one).
 */
public final class PolicyStateCache {
  /** Consents and delegations kept, in total: 80 patients with 100 consents, or many more with few. */
  public static final long DEFAULT_CONSENT_CAPACITY = 8_192;
  /** Relationships kept, in total. */
  public static final long DEFAULT_RELATIONSHIP_CAPACITY = 4_096;

  private final BoundedCache<StateValueKey, PatientConsents> consents;
  private final BoundedCache<StateValueKey, List<Relationship>> relationships;

  public PolicyStateCache() {
    this(DEFAULT_CONSENT_CAPACITY, DEFAULT_RELATIONSHIP_CAPACITY);
  }

  /** With room for {@code consentCapacity} consents and delegations and {@code relationshipCapacity} relationships. */
  public PolicyStateCache(long consentCapacity, long relationshipCapacity) {
    this.consents = new BoundedCache<>(consentCapacity);
    this.relationships = new BoundedCache<>(relationshipCapacity);
  }

  /** A cache that keeps nothing: every decision reads and decodes its inputs afresh. */
  public static PolicyStateCache none() {
    return new PolicyStateCache(0, 0);
  }

  /** The patient's consents and delegations as {@code state} holds them. */
  public PatientConsents consents(StateView state, PatientId patient) {
    Optional<byte[]> version = ConsentVersion.of(state, patient);
    if (version.isEmpty()) {
      return PatientConsents.read(state, patient);
    }
    StateValueKey key = StateValueKey.lookup(patient, version.get());
    PatientConsents cached = consents.get(key);
    if (cached != null) {
      return cached;
    }
    PatientConsents read = PatientConsents.read(state, patient);
    // Keep it only if the version did not move while reading (a view over a store that committed a
    // block meanwhile could have mixed two versions' inputs).
    if (consents.capacity() > 0
        && ConsentVersion.of(state, patient).filter(now -> Arrays.equals(now, version.get())).isPresent()) {
      consents.put(key.detached(), read, read.weight());
    }
    return read;
  }

  /** The patient's treating relationships, current or past, as {@code state} holds them. */
  public List<Relationship> relationships(StateView state, PatientId patient) {
    Optional<byte[]> bytes = state.get(RelationshipKeys.patient(patient));
    if (bytes.isEmpty()) {
      return List.of();
    }
    StateValueKey key = StateValueKey.lookup(patient, bytes.get());
    List<Relationship> cached = relationships.get(key);
    if (cached != null) {
      return cached;
    }
    List<Relationship> decoded = RelationshipCodec.decode(bytes.get(), patient).stream()
        .map(RelationshipEntry::relationship).toList();
    relationships.put(key.detached(), decoded, 1 + decoded.size());
    return decoded;
  }

  /** How often each cache answered (hits) or had to read and decode (misses). */
  public record Stats(long consentHits, long consentMisses, long relationshipHits, long relationshipMisses) {}

  public Stats stats() {
    return new Stats(consents.hits(), consents.misses(), relationships.hits(), relationships.misses());
  }
}
