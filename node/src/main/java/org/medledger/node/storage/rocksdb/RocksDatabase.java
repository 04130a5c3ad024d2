package org.medledger.node.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.StorageException;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB instance with a handle per {@link Column}: owns every native object and
 * releases them all on {@link #close()}. Every operation runs under a shared lock that
 * {@code close} takes exclusively, so no thread ever touches a released native object; after
 * closing, operations fail with an {@link IllegalStateException}. RocksDB errors leave this class
 * only as {@link StorageException}s.
 */
final class RocksDatabase implements AutoCloseable {
  /** Writes a batch of puts and deletes into a write batch. */
  interface Batch {
    void put(Column column, byte[] key, byte[] value);

    void delete(Column column, byte[] key);
  }

  static {
    RocksDB.loadLibrary();
  }

  private final Path directory;
  private final boolean readOnly;
  private final RocksDB db;
  private final ColumnFamilyHandle defaultColumn;
  private final Map<Column, ColumnFamilyHandle> columns;
  private final ReadOptions reads;
  private final WriteOptions syncedWrites;
  /** Options, cache and filter, released after the database in reverse order of creation. */
  private final Deque<AbstractNativeReference> natives;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  private RocksDatabase(Path directory, boolean readOnly, RocksDB db, List<ColumnFamilyHandle> handles,
      Deque<AbstractNativeReference> natives) {
    this.directory = directory;
    this.readOnly = readOnly;
    this.db = db;
    this.defaultColumn = handles.get(0);
    this.columns = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      columns.put(column, handles.get(column.ordinal() + 1));
    }
    this.natives = natives;
    this.reads = track(natives, new ReadOptions().setVerifyChecksums(true));
    this.syncedWrites = track(natives, new WriteOptions().setSync(true));
  }

  /**
   * Opens (for a writable store, creating if the directory is missing or empty) the database in
   * this directory.
   *
   * @param fresh whether the directory holds no store yet
   */
  static RocksDatabase open(Path directory, boolean fresh, boolean readOnly) {
    Deque<AbstractNativeReference> natives = new ArrayDeque<>();
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      LRUCache cache = track(natives, new LRUCache(RocksTuning.BLOCK_CACHE_BYTES));
      WriteBufferManager memtables = track(natives, new WriteBufferManager(RocksTuning.MEMTABLE_BUDGET_BYTES, cache));
      BloomFilter bloom = track(natives, new BloomFilter(RocksTuning.BLOOM_BITS_PER_KEY));
      DBOptions options = track(natives, RocksTuning.databaseOptions(fresh && !readOnly, memtables));
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      ColumnFamilyOptions defaultOptions = track(natives, RocksTuning.columnOptions(Column.META, cache, bloom));
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, defaultOptions));
      for (Column column : Column.values()) {
        ColumnFamilyOptions columnOptions = track(natives, RocksTuning.columnOptions(column, cache, bloom));
        byte[] name = column.columnName().getBytes(StandardCharsets.US_ASCII);
        descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
      }
      RocksDB db = readOnly
          ? RocksDB.openReadOnly(options, directory.toString(), descriptors, handles)
          : RocksDB.open(options, directory.toString(), descriptors, handles);
      return new RocksDatabase(directory, readOnly, db, handles, natives);
    } catch (RocksDBException e) {
      handles.forEach(ColumnFamilyHandle::close);
      release(natives);
      throw RocksErrors.openFailure(directory, e);
    } catch (RuntimeException | Error e) {
      handles.forEach(ColumnFamilyHandle::close);
      release(natives);
      throw e;
    }
  }

  Path directory() {
    return directory;
  }

  boolean isReadOnly() {
    return readOnly;
  }

  boolean isClosed() {
    return closed;
  }

  /** @throws IllegalStateException if the database is closed */
  void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the chain store in " + directory + " is closed");
    }
  }

  /** @throws IllegalStateException if the database is closed or read-only */
  void ensureWritable() {
    ensureOpen();
    if (readOnly) {
      throw new IllegalStateException("the chain store in " + directory + " is open read-only");
    }
  }

  /** The value under a key, or null. {@code what} names it in errors, e.g. "block 12". */
  byte[] get(Column column, byte[] key, Supplier<String> what) {
    return guarded(() -> {
      try {
        return db.get(columns.get(column), reads, key);
      } catch (RocksDBException e) {
        throw RocksErrors.readFailure(directory, what.get(), e);
      }
    });
  }

  /** The values under these keys, in order, null where absent. */
  List<byte[]> getAll(Column column, List<byte[]> keys, Supplier<String> what) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return guarded(() -> {
      try {
        return db.multiGetAsList(reads, Collections.nCopies(keys.size(), columns.get(column)), keys);
      } catch (RocksDBException e) {
        throw RocksErrors.readFailure(directory, what.get(), e);
      }
    });
  }

  /** Writes everything {@code fill} adds in one atomic batch, synced to disk before returning. */
  void write(Consumer<Batch> fill, String what) {
    ensureWritable();
    guarded(() -> {
      try (WriteBatch batch = new WriteBatch()) {
        fill.accept(new Batch() {
          @Override
          public void put(Column column, byte[] key, byte[] value) {
            try {
              batch.put(columns.get(column), key, value);
            } catch (RocksDBException e) {
              throw RocksErrors.writeFailure(directory, what, e);
            }
          }

          @Override
          public void delete(Column column, byte[] key) {
            try {
              batch.delete(columns.get(column), key);
            } catch (RocksDBException e) {
              throw RocksErrors.writeFailure(directory, what, e);
            }
          }
        });
        db.write(syncedWrites, batch);
        return null;
      } catch (RocksDBException e) {
        throw RocksErrors.writeFailure(directory, what, e);
      }
    });
  }

  /**
   * Visits the entries at or after {@code fromKey} in key order, from one snapshot, until the
   * visitor returns false. Returns whether the column was visited to its end.
   */
  boolean scan(Column column, byte[] fromKey, BiPredicate<byte[], byte[]> visitor, Supplier<String> what) {
    return guarded(() -> {
      Snapshot snapshot = db.getSnapshot();
      try (ReadOptions options = new ReadOptions().setSnapshot(snapshot).setVerifyChecksums(true).setFillCache(false);
          RocksIterator iterator = db.newIterator(columns.get(column), options)) {
        for (iterator.seek(fromKey); iterator.isValid(); iterator.next()) {
          if (!visitor.test(iterator.key(), iterator.value())) {
            return false;
          }
        }
        iterator.status();
        return true;
      } catch (RocksDBException e) {
        throw RocksErrors.readFailure(directory, what.get(), e);
      } finally {
        db.releaseSnapshot(snapshot);
      }
    });
  }

  /**
   * Writes a consistent copy of the whole database into {@code target}, which must not exist:
   * table files are hard-linked where the file system allows it (else copied), the rest copied.
   * Callers keep writes out while it runs if the copy must match other state they read.
   */
  void checkpoint(Path target) {
    guarded(() -> {
      try (Checkpoint checkpoint = Checkpoint.create(db)) {
        checkpoint.createCheckpoint(target.toString());
        return null;
      } catch (RocksDBException e) {
        throw new StorageException("a checkpoint of the chain store in " + directory + " could not be written to "
            + target + ": " + RocksErrors.describe(e));
      }
    });
  }

  /** Whether a column holds no entry. */
  boolean isEmpty(Column column) {
    return scan(column, new byte[0], (key, value) -> false, () -> "the " + column.columnName() + " column");
  }

  /** Re-reads every file and checks its checksums. */
  void verifyChecksums() {
    guarded(() -> {
      try {
        db.verifyChecksum();
        return null;
      } catch (RocksDBException e) {
        throw RocksErrors.verifyFailure(directory, e);
      }
    });
  }

  /**
   * Flushes the memtables (a writable store), closes the database and releases every native
   * object. Waits for operations in progress; idempotent.
   *
   * @throws IllegalStateException if called from inside an operation of this database (a scan
   *     visitor), which would otherwise wait for itself
   * @throws StorageException if flushing or closing failed (everything is released regardless;
   *     synced writes are in the write-ahead log either way)
   */
  @Override
  public void close() {
    if (lock.getReadHoldCount() > 0) {
      throw new IllegalStateException("the chain store in " + directory + " cannot be closed from inside a read");
    }
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      StorageException failure = null;
      if (!readOnly) {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
          db.flush(flush, new ArrayList<>(columns.values()));
        } catch (RocksDBException e) {
          failure = RocksErrors.closeFailure(directory, "flushing", e);
        }
      }
      columns.values().forEach(ColumnFamilyHandle::close);
      defaultColumn.close();
      try {
        db.closeE();
      } catch (RocksDBException e) {
        failure = failure != null ? failure : RocksErrors.closeFailure(directory, "closing RocksDB", e);
      }
      release(natives);
      if (failure != null) {
        throw failure;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T guarded(Supplier<T> operation) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return operation.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  private static <T extends AbstractNativeReference> T track(Deque<AbstractNativeReference> natives, T resource) {
    natives.push(resource);
    return resource;
  }

  /** Releases in reverse order of creation. */
  private static void release(Deque<AbstractNativeReference> natives) {
    while (!natives.isEmpty()) {
      natives.pop().close();
    }
  }
}
