package org.medledger.node.storage.rocksdb;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;

/**
 * Byte-level access to the database of a {@link RocksChainStore}: always the store's current
 * database, which a {@link RocksChainStore#replaceWith} may swap.
 */
final class RocksRawStorage implements RawLedgerStorage {
  /** Runs an operation on the store's current database, which stays open while it runs. */
  interface Access {
    <T> T read(Function<RocksDatabase, T> operation);
  }

  private final Access access;

  RocksRawStorage(Access access) {
    this.access = access;
  }

  @Override
  public Optional<byte[]> raw(Column column, byte[] key) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(access.read(db -> db.get(column, key,
        () -> "an entry of the " + column.columnName() + " column")));
  }

  @Override
  public void overwriteRaw(Column column, byte[] key, byte[] value) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    access.read(db -> {
      db.write(batch -> batch.put(column, key, value), "a raw entry of the " + column.columnName() + " column");
      return null;
    });
  }

  @Override
  public void deleteRaw(Column column, byte[] key) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    access.read(db -> {
      db.write(batch -> batch.delete(column, key), "a raw deletion in the " + column.columnName() + " column");
      return null;
    });
  }

  @Override
  public void scan(Column column, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(fromKey, "fromKey");
    Objects.requireNonNull(visitor, "visitor");
    access.read(db -> db.scan(column, fromKey, visitor, () -> "the " + column.columnName() + " column"));
  }

  @Override
  public void verifyChecksums() {
    access.read(db -> {
      db.verifyChecksums();
      return null;
    });
  }
}
