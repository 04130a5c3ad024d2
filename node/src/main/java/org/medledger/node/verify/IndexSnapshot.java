package org.medledger.node.verify;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;
import org.medledger.node.storage.StorageLayout;

/**
 * The transaction index as stored, read in one sequential pass and held compactly (44 bytes per
 * entry, in sorted arrays searched by halving): the walk checks every transaction's index entry,
 * and a million random RocksDB reads cost several times the signature checks themselves (most of
 * verify-chain's CPU time on a 1M-transaction chain, measured), where one scan costs about a
 * second.
 *
 * <p>{@link #raw} gives exactly what {@link RawLedgerStorage#raw} would give for the index key of
 * a transaction id, as of the moment of the scan (one consistent snapshot). Entries under keys
 * that are not a transaction id are not kept: nothing asks for them here (the store sweep finds
 * them).
 */
final class IndexSnapshot {
  private static final int KEY_WORDS = Digest.LENGTH / Long.BYTES;

  /** Keys of well-formed entries, {@value #KEY_WORDS} words each, in increasing unsigned order. */
  private long[] keys = new long[KEY_WORDS * 1024];
  private long[] heights = new long[1024];
  private int[] indexes = new int[1024];
  private int size;
  /** Entries under a transaction key whose value is not a location (kept as stored). */
  private final Map<Digest, byte[]> odd = new HashMap<>();

  private IndexSnapshot() {}

  /** Reads the whole transaction index column. */
  static IndexSnapshot load(RawLedgerStorage raw) {
    IndexSnapshot snapshot = new IndexSnapshot();
    raw.forEach(Column.TX_INDEX, snapshot::add);
    return snapshot;
  }

  private void add(byte[] key, byte[] value) {
    if (key.length != Digest.LENGTH) {
      return;
    }
    if (value.length != StorageLayout.LOCATION_LENGTH) {
      odd.put(Digest.of(key), value.clone());
      return;
    }
    ByteBuffer k = ByteBuffer.wrap(key);
    long[] words = new long[KEY_WORDS];
    for (int w = 0; w < KEY_WORDS; w++) {
      words[w] = k.getLong();
    }
    if (size > 0 && compare(size - 1, words) >= 0) { // not in order (never from RocksDB): keep it aside
      odd.put(Digest.of(key), value.clone());
      return;
    }
    if (size == heights.length) {
      int capacity = size * 2;
      keys = Arrays.copyOf(keys, capacity * KEY_WORDS);
      heights = Arrays.copyOf(heights, capacity);
      indexes = Arrays.copyOf(indexes, capacity);
    }
    System.arraycopy(words, 0, keys, size * KEY_WORDS, KEY_WORDS);
    ByteBuffer v = ByteBuffer.wrap(value);
    heights[size] = v.getLong();
    indexes[size] = v.getInt();
    size++;
  }

  /** The stored value of a transaction's index entry, if there is one. */
  Optional<byte[]> raw(Digest transactionId) {
    byte[] key = StorageLayout.transactionKey(transactionId);
    if (key.length == Digest.LENGTH) {
      ByteBuffer k = ByteBuffer.wrap(key);
      long[] words = new long[KEY_WORDS];
      for (int w = 0; w < KEY_WORDS; w++) {
        words[w] = k.getLong();
      }
      int low = 0;
      int high = size - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int c = compare(mid, words);
        if (c < 0) {
          low = mid + 1;
        } else if (c > 0) {
          high = mid - 1;
        } else {
          return Optional.of(ByteBuffer.allocate(StorageLayout.LOCATION_LENGTH).putLong(heights[mid])
              .putInt(indexes[mid]).array());
        }
      }
    }
    byte[] other = odd.get(transactionId);
    return other == null ? Optional.empty() : Optional.of(other.clone());
  }

  /** The entry at a position against a key, in unsigned byte order. */
  private int compare(int position, long[] words) {
    int base = position * KEY_WORDS;
    for (int w = 0; w < KEY_WORDS; w++) {
      int c = Long.compareUnsigned(keys[base + w], words[w]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
