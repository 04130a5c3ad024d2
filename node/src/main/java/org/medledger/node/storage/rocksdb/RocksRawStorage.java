package org.medledger.node.storage.rocksdb;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;

/** Byte-level access to the database of a {@link RocksChainStore}. */
final class RocksRawStorage implements RawLedgerStorage {
  private final RocksDatabase db;

  RocksRawStorage(RocksDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<byte[]> raw(Column column, byte[] key) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(db.get(column, key, () -> "an entry of the " + column.columnName() + " column"));
  }

  @Override
  public void overwriteRaw(Column column, byte[] key, byte[] value) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    db.write(batch -> batch.put(column, key, value), "a raw entry of the " + column.columnName() + " column");
  }

  @Override
  public void deleteRaw(Column column, byte[] key) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(key, "key");
    db.write(batch -> batch.delete(column, key), "a raw deletion in the " + column.columnName() + " column");
  }

  @Override
  public void scan(Column column, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(fromKey, "fromKey");
    Objects.requireNonNull(visitor, "visitor");
    db.scan(column, fromKey, visitor, () -> "the " + column.columnName() + " column");
  }

  @Override
  public void verifyChecksums() {
    db.verifyChecksums();
  }
}
