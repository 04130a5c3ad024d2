package org.medledger.node.consensus;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.genesis.Genesis;

/**
 * The validators whose seals count, with a verifier for each one's certificate, and the quorum
 * (2f+1 of n) that makes a block final.
 */
public final class Validators {
  private final Map<String, Verifier> verifiers;

  private Validators(Map<String, Verifier> verifiers) {
    this.verifiers = Map.copyOf(verifiers);
  }

  /** The validators the genesis file names. */
  public static Validators of(Genesis genesis) {
    Map<String, Verifier> verifiers = new LinkedHashMap<>();
    for (Genesis.Validator validator : genesis.validators()) {
      verifiers.put(validator.id(), SignatureScheme.of(validator.identity().getPublicKey())
          .verifier(validator.identity().getPublicKey()));
    }
    return new Validators(verifiers);
  }

  public Optional<Verifier> verifier(String validator) {
    return Optional.ofNullable(verifiers.get(validator));
  }

  public int size() {
    return verifiers.size();
  }

  public int quorum() {
    return BlockSeal.quorum(verifiers.size());
  }

  /** Whether seals of a quorum of distinct validators of this set are among these. */
  public boolean isFinal(Collection<BlockSeal> seals) {
    return seals.stream().map(BlockSeal::validator).filter(verifiers::containsKey).distinct().count() >= quorum();
  }

  public List<String> ids() {
    return verifiers.keySet().stream().sorted().toList();
  }
}
