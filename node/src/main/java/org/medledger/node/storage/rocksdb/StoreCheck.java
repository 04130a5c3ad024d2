package org.medledger.node.storage.rocksdb;

import java.util.Arrays;
import java.util.OptionalLong;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.StorageLayout;

/**
 * The checks a chain store passes when it opens, beyond RocksDB's own: a readable head record,
 * the layout format, and no fewer blocks than the store is known to have committed.
 */
final class StoreCheck {
  private StoreCheck() {}

  /** The head height stored in the database, -1 if none. */
  static long head(RocksDatabase db) {
    byte[] bytes = db.get(Column.META, StorageLayout.HEAD_KEY, () -> "the head record");
    if (bytes == null) {
      return -1;
    }
    try {
      return StorageLayout.height(bytes);
    } catch (IllegalArgumentException e) {
      throw new StorageException("the head record in " + db.directory() + " is damaged: " + e.getMessage());
    }
  }

  /**
   * Checks the store and returns its head height. A store that holds no block may lack its
   * format and committed-head records (a crash while it was being created).
   *
   * @throws StorageException naming the data directory and the damage
   */
  static long check(RocksDatabase db, CommittedHead committed) {
    long head = head(db);
    boolean empty = head < 0 && db.isEmpty(Column.BLOCKS);
    byte[] format = db.get(Column.META, StorageLayout.FORMAT_KEY, () -> "the format record");
    if (format == null && !empty) {
      throw new StorageException("data directory " + db.directory() + " is damaged: its format record is missing");
    }
    if (format != null && !Arrays.equals(format, StorageLayout.formatValue())) {
      throw new StorageException("data directory " + db.directory()
          + " holds an unsupported or damaged store format record");
    }
    OptionalLong recorded = committed.read();
    if (recorded.isEmpty() && !empty) {
      throw new StorageException("data directory " + db.directory() + " is damaged: its "
          + CommittedHead.FILE_NAME + " file is missing");
    }
    if (recorded.isPresent() && head < recorded.getAsLong()) {
      throw new StorageException("data directory " + db.directory() + " is damaged: it holds "
          + (head < 0 ? "no block" : "blocks up to " + head) + " but had committed blocks up to "
          + recorded.getAsLong() + " (RocksDB's MANIFEST or table files were lost, truncated or replaced)");
    }
    return head;
  }

  /** Writes the format record if the store has none (a new store). */
  static void ensureFormat(RocksDatabase db) {
    if (db.get(Column.META, StorageLayout.FORMAT_KEY, () -> "the format record") == null) {
      db.write(batch -> batch.put(Column.META, StorageLayout.FORMAT_KEY, StorageLayout.formatValue()),
          "the format record");
    }
  }
}
