package org.medledger.ledger.governance;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.BlockSeal;

/**
 * The validators whose seals make the blocks from a height on final, and that quorum: seals of
 * ⌈(n+f+1)/2⌉ distinct validators of the n, f = ⌊(n−1)/3⌋ — 2f+1 when n = 3f+1. Two conflicting
 * blocks would need quorums that share at least f+1 validators, so at least one honest validator
 * would have sealed both.
 */
public final class ValidatorSet {
  private final long fromHeight;
  private final Map<String, ValidatorInfo> validators;
  private final Map<String, Verifier> verifiers = new ConcurrentHashMap<>();

  /**
   * @param fromHeight the first block this set seals
   * @param validators the validators, each id once (kept sorted by id)
   */
  public ValidatorSet(long fromHeight, Collection<ValidatorInfo> validators) {
    if (fromHeight < 0) {
      throw new IllegalArgumentException("a validator set starts at a height >= 0");
    }
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set has at least one validator");
    }
    Map<String, ValidatorInfo> byId = new LinkedHashMap<>();
    validators.stream().sorted(java.util.Comparator.comparing(ValidatorInfo::id)).forEach(v -> {
      if (byId.put(v.id(), v) != null) {
        throw new IllegalArgumentException("validator '" + v.id() + "' is named twice");
      }
    });
    this.fromHeight = fromHeight;
    this.validators = java.util.Collections.unmodifiableMap(byId);
  }

  public long fromHeight() {
    return fromHeight;
  }

  /** The validators, sorted by id. */
  public List<ValidatorInfo> validators() {
    return List.copyOf(validators.values());
  }

  public List<String> ids() {
    return List.copyOf(validators.keySet());
  }

  public Optional<ValidatorInfo> get(String id) {
    return Optional.ofNullable(validators.get(id));
  }

  public boolean contains(String id) {
    return validators.containsKey(id);
  }

  /** The verifier of a validator of this set; empty for anyone else. */
  public Optional<Verifier> verifier(String id) {
    ValidatorInfo validator = validators.get(id);
    return validator == null ? Optional.empty()
        : Optional.of(verifiers.computeIfAbsent(id, k -> validator.verifier()));
  }

  public int size() {
    return validators.size();
  }

  /** The most validators that may be faulty (Byzantine) without breaking safety. */
  public int faultTolerance() {
    return (size() - 1) / 3;
  }

  /** The number of distinct seals that make a block final. */
  public int quorum() {
    return quorum(size());
  }

  /** ⌈(n+f+1)/2⌉ with f = ⌊(n−1)/3⌋: 1, 2, 2, 3, 4, 4, 5 for n = 1..7. */
  public static int quorum(int n) {
    int f = (n - 1) / 3;
    return (n + f + 2) / 2;
  }

  /** Whether seals of a quorum of distinct validators of this set are among these (unverified: callers check). */
  public boolean isFinal(Collection<BlockSeal> seals) {
    return seals.stream().map(BlockSeal::validator).filter(validators::containsKey).distinct().count() >= quorum();
  }

  /** This set without one validator, from a height on. */
  public ValidatorSet without(String id, long from) {
    return new ValidatorSet(from, validators.values().stream().filter(v -> !v.id().equals(id)).toList());
  }

  /** This set with one more validator, from a height on. */
  public ValidatorSet with(ValidatorInfo validator, long from) {
    List<ValidatorInfo> all = new java.util.ArrayList<>(validators.values());
    all.add(validator);
    return new ValidatorSet(from, all);
  }

  /** SHA-256 of the set's canonical encoding: what a block announcing this set commits to. */
  public Digest digest() {
    return Digest.sha256(GovernanceCodec.encode(this));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatorSet s && fromHeight == s.fromHeight && digest().equals(s.digest());
  }

  @Override
  public int hashCode() {
    return digest().hashCode();
  }

  @Override
  public String toString() {
    return "validators " + ids() + " from block " + fromHeight;
  }
}
