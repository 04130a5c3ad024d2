package org.medledger.contracts.consent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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

  private final int capacity;
  private final Map<Key, ConsentRecord> entries;
  private long hits;
  private long misses;

  public ConsentRecordCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a cache holds at least one entry");
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, ConsentRecord> eldest) {
        return size() > ConsentRecordCache.this.capacity;
      }
    };
  }

  /** The cache {@link Consents} reads through. */
  public static ConsentRecordCache shared() {
    return SHARED;
  }

  /** The record these bytes encode, as {@link ConsentCodec#decodeConsent} gives it. */
  public ConsentRecord decode(byte[] bytes) {
    Key key = new Key(bytes.clone());
    synchronized (entries) {
      ConsentRecord cached = entries.get(key);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    ConsentRecord decoded = ConsentCodec.decodeConsent(key.bytes);
    synchronized (entries) {
      entries.put(key, decoded);
    }
    return decoded;
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  public long hits() {
    synchronized (entries) {
      return hits;
    }
  }

  public long misses() {
    synchronized (entries) {
      return misses;
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** A private copy of the stored bytes, compared by content. */
  private static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.hash == hash && Arrays.equals(key.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
