package org.medledger.contracts.support;

import java.util.Arrays;
import java.util.Objects;

/**
 * A cache key made of what a value belongs to (e.g. a patient) and the exact bytes read from the
 * world state that determine it, compared by content. A key made for a look-up may share the
 * caller's array; {@link #detached()} gives one with a private copy, to keep in a cache.
 */
public final class StateValueKey {
  private final Object owner;
  private final byte[] bytes;
  private final int hash;

  private StateValueKey(Object owner, byte[] bytes) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    this.hash = 31 * owner.hashCode() + Arrays.hashCode(bytes);
  }

  /** A key for looking up: it shares {@code bytes}, which the caller must not change while using it. */
  public static StateValueKey lookup(Object owner, byte[] bytes) {
    return new StateValueKey(owner, bytes);
  }

  /** The same key over a private copy of the bytes. */
  public StateValueKey detached() {
    return new StateValueKey(owner, bytes.clone());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateValueKey key && key.hash == hash && key.owner.equals(owner)
        && Arrays.equals(key.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    // no owner: it may name a patient
    return "StateValueKey[" + bytes.length + " bytes]";
  }
}
