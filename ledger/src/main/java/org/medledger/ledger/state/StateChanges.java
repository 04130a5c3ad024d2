package org.medledger.ledger.state;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medledger.ledger.Digest;
import org.medledger.ledger.Text;

/**
 * The writes of one block (or one transaction): for each key, its new value or its deletion.
 * Sorted by key, so that every node digests them identically.
 */
public final class StateChanges {
  public static final StateChanges NONE = new StateChanges(new TreeMap<>());

  private final SortedMap<String, Optional<byte[]>> writes;

  private StateChanges(SortedMap<String, Optional<byte[]>> writes) {
    this.writes = Collections.unmodifiableSortedMap(writes);
  }

  /** Takes a map of key → new value (empty for a deletion); values are copied. */
  public static StateChanges of(Map<String, Optional<byte[]>> writes) {
    SortedMap<String, Optional<byte[]>> copy = new TreeMap<>();
    writes.forEach((k, v) -> copy.put(Text.requireWellFormed(k, "a state key"), v.map(byte[]::clone)));
    return new StateChanges(copy);
  }

  /** Key → new value, or empty for a deletion, in key order. Values must not be modified. */
  public SortedMap<String, Optional<byte[]>> writes() {
    return writes;
  }

  public boolean isEmpty() {
    return writes.isEmpty();
  }

  /**
   * The next state root: {@code SHA-256(previous ‖ SHA-256(changes))}, where each change is
   * length-prefixed key, a 0 (delete) or 1 (put) byte, and the length-prefixed value.
   */
  public Digest nextRoot(Digest previousRoot) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    writes.forEach((key, value) -> {
      writeLengthPrefixed(out, key.getBytes(StandardCharsets.UTF_8));
      out.write(value.isPresent() ? 1 : 0);
      value.ifPresent(v -> writeLengthPrefixed(out, v));
    });
    return Digest.sha256(previousRoot.toByteArray(), Digest.sha256(out.toByteArray()).toByteArray());
  }

  private static void writeLengthPrefixed(java.io.ByteArrayOutputStream out, byte[] bytes) {
    int n = bytes.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(bytes, 0, n);
  }
}
