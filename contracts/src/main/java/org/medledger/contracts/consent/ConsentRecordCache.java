package org.medledger.contracts.consent;

import org.medledger.contracts.support.BoundedCache;
import org.medledger.contracts.support.StateValueKey;

/**
 * A bounded, thread-safe cache of decoded consent records, keyed by the exact bytes stored on
 * chain. Decoding is a pure function of those bytes and {@link ConsentRecord} is immutable, so a
 * cached value is the value a fresh decode would give: decisions stay deterministic. A record that
 * changes (it is revoked) has other bytes and is decoded afresh. The least recently used entry goes
 * when the cache is full. Bytes that do not decode are not cached: the decode throws every time.
 */
public final class ConsentRecordCache {
  /** Enough for every consent of a few dozen patients with 100 consents each. */
  public static final int DEFAULT_CAPACITY = 4096;

  private static final ConsentRecordCache SHARED = new ConsentRecordCache(DEFAULT_CAPACITY);
  private static final String OWNER = "consent-record";

  private final BoundedCache<StateValueKey, ConsentRecord> entries;

  public ConsentRecordCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a cache holds at least one entry");
    }
    this.entries = new BoundedCache<>(capacity);
  }

  /** The cache {@link Consents} reads through. */
  public static ConsentRecordCache shared() {
    return SHARED;
  }

  /** The record these bytes encode, as {@link ConsentCodec#decodeConsent} gives it. */
  public ConsentRecord decode(byte[] bytes) {
    StateValueKey key = StateValueKey.lookup(OWNER, bytes);
    ConsentRecord cached = entries.get(key);
    if (cached != null) {
      return cached;
    }
    ConsentRecord decoded = ConsentCodec.decodeConsent(bytes);
    entries.put(key.detached(), decoded, 1);
    return decoded;
  }

  public int size() {
    return entries.size();
  }

  public long hits() {
    return entries.hits();
  }

  public long misses() {
    return entries.misses();
  }

  public void clear() {
    entries.clear();
  }
}
