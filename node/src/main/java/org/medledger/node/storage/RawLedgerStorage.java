package org.medledger.node.storage;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Byte-level access to a chain store, for {@code verify-chain} (which re-checks the stored bytes
 * without trusting the decoding reads of {@link org.medledger.ledger.chain.ChainView}) and for
 * tamper tests. Keys and values are laid out as {@link StorageLayout} describes.
 *
 * <p>Writes bypass every check of the chain: nothing is decoded, linked or indexed, and the
 * store's in-memory head (its {@code height()}) is not updated — reopen the store to see a
 * rewritten head record. Reads and iteration verify the storage engine's checksums and report
 * damage as a {@link StorageException}.
 */
public interface RawLedgerStorage {
  /** The stored value under this key, as stored. */
  Optional<byte[]> raw(Column column, byte[] key);

  /** Replaces (or creates) the value under this key, durably, with no check of any kind. */
  void overwriteRaw(Column column, byte[] key, byte[] value);

  /** Removes the value under this key, durably, with no check of any kind. */
  void deleteRaw(Column column, byte[] key);

  /**
   * Visits every entry of a column in unsigned byte order of the keys, as of one consistent
   * snapshot.
   */
  default void forEach(Column column, BiConsumer<byte[], byte[]> action) {
    scan(column, new byte[0], (key, value) -> {
      action.accept(key, value);
      return true;
    });
  }

  /**
   * Visits the entries of a column whose keys are at or after {@code fromKey}, in unsigned byte
   * order, as of one consistent snapshot, until the visitor returns false.
   */
  void scan(Column column, byte[] fromKey, BiPredicate<byte[], byte[]> visitor);

  /**
   * Re-reads every file of the store and checks the storage engine's own checksums, including
   * data no read has touched yet.
   *
   * @throws StorageException naming the data directory if any file is damaged
   */
  void verifyChecksums();
}
