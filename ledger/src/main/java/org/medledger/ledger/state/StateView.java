package org.medledger.ledger.state;

import java.util.Optional;

/** Read access to the world state: values by key. Keys are namespaced by contract, e.g. {@code identity/cert/…}. */
public interface StateView {
  Optional<byte[]> get(String key);

  /** The empty state. */
  StateView EMPTY = key -> Optional.empty();
}
