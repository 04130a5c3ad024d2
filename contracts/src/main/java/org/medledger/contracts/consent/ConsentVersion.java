package org.medledger.contracts.consent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.Digest;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;

/**
 * A patient's consent version, kept under {@link ConsentKeys#version}. It moves on with every
 * write to the patient's consent inputs — the consent index, the consent records, the delegation
 * list — so that a reader may keep what it decoded from them under (patient, version) and read one
 * key per access decision instead of all of them.
 *
 * <p>The new version is the SHA-256 of the previous version, the key written and the SHA-256 of
 * the value written. The first write starts from a seed: the SHA-256 of the patient and of the
 * inputs that were there before (none on a chain that kept versions from its start). Equal
 * versions therefore mean the same writes over the same start, that is the same inputs, in any
 * state of any chain, committed or still in a block being executed: a cache keyed by (patient,
 * version) cannot return another network's, another block's or another patient's inputs (short of
 * a SHA-256 collision). The version is a pure function of the state and the transaction, so every
 * node and every re-execution ({@code verify-chain}) writes the same value and state root.
 *
 * <p>Every write to a patient's consent inputs must go through {@link #put}; a write that did not
 * would leave such caches stale.
 */
public final class ConsentVersion {
  private static final byte[] SEED_DOMAIN = "medledger/consent-version/seed/1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ABSENT = {0};
  private static final byte[] PRESENT = {1};

  private ConsentVersion() {}

  /** The patient's consent version as {@code state} holds it; empty until their inputs are first written. */
  public static Optional<byte[]> of(StateView state, PatientId patient) {
    return state.get(ConsentKeys.version(patient));
  }

  /**
   * Writes {@code value} under {@code key}, one of {@code patient}'s consent inputs, and moves the
   * patient's version on over that write, in the same transaction.
   */
  static void put(TxContext context, PatientId patient, String key, byte[] value) {
    StateView state = context::get;
    byte[] previous = of(state, patient).orElseGet(() -> seed(state, patient));
    context.put(key, value);
    context.put(ConsentKeys.version(patient), next(previous, key, value));
  }

  /** The version after writing {@code value} under {@code key} at version {@code previous}. */
  static byte[] next(byte[] previous, String key, byte[] value) {
    return Digest.sha256(previous, lengthPrefixed(key), Digest.sha256(value).toByteArray()).toByteArray();
  }

  /** The version a patient starts from: their identity and the inputs they have so far. */
  static byte[] seed(StateView state, PatientId patient) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(SEED_DOMAIN);
    parts.add(lengthPrefixed(patient.organisation().value()));
    parts.add(lengthPrefixed(patient.name()));
    Optional<byte[]> index = state.get(ConsentKeys.index(patient));
    addValue(parts, index);
    for (String id : index.map(IdListCodec::decode).orElse(List.of())) {
      addValue(parts, state.get(ConsentKeys.consent(id)));
    }
    addValue(parts, state.get(ConsentKeys.delegations(patient)));
    return Digest.sha256(parts.toArray(byte[][]::new)).toByteArray();
  }

  private static void addValue(List<byte[]> parts, Optional<byte[]> value) {
    if (value.isEmpty()) {
      parts.add(ABSENT);
    } else {
      parts.add(PRESENT);
      parts.add(Digest.sha256(value.get()).toByteArray());
    }
  }

  private static byte[] lengthPrefixed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }
}
