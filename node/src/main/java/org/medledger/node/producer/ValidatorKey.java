package org.medledger.node.producer;

import java.util.Objects;
import org.medledger.crypto.Signer;

/**
 * The validator this node speaks for: its id in the genesis and the signer of its identity key,
 * which seals the blocks it produces.
 */
public record ValidatorKey(String id, Signer signer) {
  public ValidatorKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(signer, "signer");
  }

  @Override
  public String toString() {
    return "ValidatorKey[" + id + "]";
  }
}
