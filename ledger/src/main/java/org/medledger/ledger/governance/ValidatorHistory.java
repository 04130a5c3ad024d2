package org.medledger.ledger.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.state.StateView;
import org.medledger.pki.Pem;

/**
 * Every validator set the chain has had, oldest first: the genesis's from block 0, then one per
 * change carried out by governance, each from the block after the one that made it. Kept whole in
 * the state (changes are rare), so the set in force at any height is one lookup away.
 */
public record ValidatorHistory(List<ValidatorSet> epochs) {

  public ValidatorHistory {
    epochs = List.copyOf(epochs);
    if (epochs.isEmpty() || epochs.get(0).fromHeight() != 0) {
      throw new IllegalArgumentException("a validator history starts with the genesis set, from block 0");
    }
    for (int i = 1; i < epochs.size(); i++) {
      if (epochs.get(i).fromHeight() <= epochs.get(i - 1).fromHeight()) {
        throw new IllegalArgumentException("validator sets must follow each other by height");
      }
    }
  }

  /** The genesis validators, from block 0. */
  public static ValidatorHistory of(Genesis genesis) {
    List<ValidatorInfo> validators = genesis.validators().stream()
        .map(v -> new ValidatorInfo(v.id(), v.organisation(), v.identity(), Pem.certificate(v.tlsCertificate()), ""))
        .toList();
    return new ValidatorHistory(List.of(new ValidatorSet(0, validators)));
  }

  /** The last history decoded, with its bytes: it changes rarely and decoding parses certificates. */
  private record Decoded(byte[] bytes, ValidatorHistory history) {}

  private static volatile Decoded last;

  /**
   * The history in this state; empty if the state has none (not a chain of this version). The
   * same bytes as the previous call give the same (immutable) value without decoding again.
   */
  public static Optional<ValidatorHistory> read(StateView state) {
    return state.get(GovernanceKeys.VALIDATORS).map(bytes -> {
      Decoded cached = last;
      if (cached != null && java.util.Arrays.equals(cached.bytes(), bytes)) {
        return cached.history();
      }
      ValidatorHistory history = GovernanceCodec.decodeHistory(bytes);
      last = new Decoded(bytes, history);
      return history;
    });
  }

  /** The set that seals the block at this height. */
  public ValidatorSet at(long height) {
    for (int i = epochs.size() - 1; i > 0; i--) {
      if (epochs.get(i).fromHeight() <= height) {
        return epochs.get(i);
      }
    }
    return epochs.get(0);
  }

  /** The latest set. */
  public ValidatorSet current() {
    return epochs.get(epochs.size() - 1);
  }

  /** This history followed by a new set, from a later height than the latest. */
  public ValidatorHistory then(ValidatorSet next) {
    List<ValidatorSet> all = new ArrayList<>(epochs);
    all.add(next);
    return new ValidatorHistory(all);
  }

}
