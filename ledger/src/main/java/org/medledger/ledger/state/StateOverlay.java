package org.medledger.ledger.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medledger.ledger.Text;

/**
 * Buffered writes over a base state: reads see the writes first. A transaction runs in its own
 * overlay over the block's, and its writes reach the block only if it succeeds.
 */
public final class StateOverlay implements StateView {
  private final StateView base;
  private final Map<String, Optional<byte[]>> writes = new TreeMap<>();

  public StateOverlay(StateView base) {
    this.base = base;
  }

  @Override
  public Optional<byte[]> get(String key) {
    Optional<byte[]> written = writes.get(key);
    if (written != null) {
      return written.map(byte[]::clone);
    }
    return base.get(key);
  }

  public void put(String key, byte[] value) {
    requireKey(key);
    writes.put(key, Optional.of(value.clone()));
  }

  public void delete(String key) {
    requireKey(key);
    writes.put(key, Optional.empty());
  }

  /** Moves this overlay's writes into another overlay (a transaction's into its block's). */
  public void mergeInto(StateOverlay target) {
    writes.forEach(target.writes::put);
  }

  public StateChanges changes() {
    return StateChanges.of(new LinkedHashMap<>(writes));
  }

  private static void requireKey(String key) {
    if (key == null || key.isEmpty() || key.length() > 512) {
      throw new IllegalArgumentException("state keys are 1-512 characters");
    }
    Text.requireWellFormed(key, "a state key");
  }
}
