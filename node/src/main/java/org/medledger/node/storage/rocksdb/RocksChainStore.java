package org.medledger.node.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;
import org.medledger.node.storage.ReplicatedChainStore;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.StorageLayout;

/**
 * A node's chain on RocksDB: blocks, headers, the transaction index, the world state and the
 * head height, in the {@link Column}s laid out by {@link StorageLayout}.
 *
 * <p><b>Durability.</b> {@link #append} writes the block, its header, its index entries, its state
 * changes and the new head in one RocksDB write batch, synced to disk (fsync of the write-ahead
 * log) before it returns. After a crash at any moment, reopening yields every block whose append
 * returned, and any later block either whole or not at all. If {@code append} throws a
 * {@link StorageException}, the block may or may not have been committed: reopen to find out.
 *
 * <p><b>Integrity.</b> Reads decode with {@link LedgerCodec} and check that the value is the one
 * asked for; damage (undecodable bytes, a checksum mismatch, a missing entry below the head) is
 * reported as a {@link StorageException} naming the data directory and the damaged item.
 *
 * <p><b>Threads.</b> Any number of threads may read while one appends (appends are serialised).
 * A reader sees whole blocks only: once {@link #height()} returns {@code h}, block {@code h}, its
 * header, its index entries and its state changes are all readable. {@link #state()} reads the
 * committed state, each call consistent on its own. Closing waits for reads in progress; after
 * {@link #close()} every method but {@code close} throws an {@link IllegalStateException}.
 *
 * <p>No block or state is cached on the Java heap; RocksDB's own caches are bounded (see
 * {@code RocksTuning}).
 */
public final class RocksChainStore implements ReplicatedChainStore {
  /** Every this many blocks, the committed-head record is brought up to date. */
  private static final long COMMITTED_HEAD_INTERVAL = 256;
  /** Marks a write that comes from no log entry (block 0, tests). */
  private static final long NO_LOG_INDEX = -1;
  private final RocksDatabase db;
  private final Object appendLock = new Object();
  private final StateView state = this::stateValue;
  private final RawLedgerStorage raw;
  private final CommittedHead committed;
  /** The height of the last committed block; written only under {@code appendLock}. */
  private volatile long head;
  /** The last applied log index; written only under {@code appendLock}. */
  private volatile long applied;

  private RocksChainStore(RocksDatabase db, CommittedHead committed, long head) {
    this.db = db;
    this.committed = committed;
    this.head = head;
    this.raw = new RocksRawStorage(db);
    byte[] stored = db.get(Column.META, StorageLayout.APPLIED_KEY, () -> "the applied log index");
    this.applied = stored == null ? -1 : java.nio.ByteBuffer.wrap(stored).getLong();
  }

  /**
   * Opens the chain store in this directory, creating the directory and an empty store if the
   * directory is missing or empty. Resumes at the last committed block.
   *
   * @throws StorageException if the directory is damaged, in use, not a chain store or unreadable
   */
  public static RocksChainStore open(Path dataDir) {
    return open(dataDir, false);
  }

  /**
   * Opens an existing chain store for reading only (e.g. to verify it): {@link #append} and raw
   * writes are refused, nothing in the directory is changed.
   *
   * @throws StorageException if there is no store, or it is damaged or unreadable
   */
  public static RocksChainStore openReadOnly(Path dataDir) {
    return open(dataDir, true);
  }

  private static RocksChainStore open(Path dataDir, boolean readOnly) {
    Path directory = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
    boolean fresh = DataDirectory.prepare(directory, readOnly);
    CommittedHead committed = new CommittedHead(directory);
    if (readOnly) {
      return checked(RocksDatabase.open(directory, false, true), committed);
    }
    if (!fresh) {
      // Check read-only first: opening for writing makes RocksDB delete the files its MANIFEST
      // does not list, which would destroy the evidence (and the data) of a damaged MANIFEST.
      RocksDatabase probe = RocksDatabase.open(directory, false, true);
      checked(probe, committed).close();
    }
    return checked(RocksDatabase.open(directory, fresh, false), committed);
  }

  /**
   * Checks an open database and wraps it; closes it if a check fails. A read-only store gets
   * every file's checksums verified; a writable one had that done by its read-only probe (or is
   * new), and records its format and committed head.
   */
  private static RocksChainStore checked(RocksDatabase db, CommittedHead committed) {
    try {
      long head = StoreCheck.check(db, committed);
      if (db.isReadOnly()) {
        db.verifyChecksums();
      } else {
        StoreCheck.ensureFormat(db);
        committed.record(head);
      }
      return new RocksChainStore(db, committed, head);
    } catch (RuntimeException e) {
      try {
        db.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The data directory, absolute. */
  public Path directory() {
    return db.directory();
  }

  /** Byte-level access to this store, for verification and tamper tests. */
  public RawLedgerStorage raw() {
    db.ensureOpen();
    return raw;
  }

  @Override
  public long height() {
    db.ensureOpen();
    return head;
  }

  @Override
  public Optional<Block> block(long height) {
    return committed(Column.BLOCKS, height, "block " + height, LedgerCodec::decodeBlock)
        .map(block -> requireHeight(block.height(), height, "block " + height, block));
  }

  @Override
  public Optional<BlockHeader> header(long height) {
    return committed(Column.HEADERS, height, "the header of block " + height, LedgerCodec::decodeHeader)
        .map(header -> requireHeight(header.height(), height, "the header of block " + height, header));
  }

  @Override
  public Optional<TransactionLocation> locate(Digest transactionId) {
    String what = "the transaction index entry of " + transactionId.hex();
    byte[] bytes = db.get(Column.TX_INDEX, StorageLayout.transactionKey(transactionId), () -> what);
    if (bytes == null) {
      return Optional.empty();
    }
    TransactionLocation location;
    try {
      location = StorageLayout.location(bytes);
    } catch (IllegalArgumentException e) {
      throw damaged(what, e.getMessage());
    }
    long current = height();
    if (location.height() > current + 1) {
      throw damaged(what, "it points to block " + location.height() + ", above the head (block " + current + ")");
    }
    // An entry for the next block belongs to an append in progress: not visible yet.
    return location.height() > current ? Optional.empty() : Optional.of(location);
  }

  @Override
  public List<BlockSeal> seals(long height) {
    List<BlockSeal> seals = new ArrayList<>();
    byte[] prefix = StorageLayout.heightKey(height);
    db.scan(Column.SEALS, prefix, (key, value) -> {
      if (!Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
        return false;
      }
      try {
        seals.add(LedgerCodec.decodeSeal(value));
      } catch (MalformedEncodingException e) {
        throw damaged("a seal of block " + height, e.getMessage());
      }
      return true;
    }, () -> "the seals of block " + height);
    return seals;
  }

  @Override
  public void addSeal(long height, BlockSeal seal) {
    addSeal(height, seal, NO_LOG_INDEX);
  }

  @Override
  public void addSeal(long height, BlockSeal seal, long logIndex) {
    Objects.requireNonNull(seal, "seal");
    synchronized (appendLock) {
      db.ensureWritable();
      if (height < 0 || height > head) {
        throw new IllegalStateException("block " + height + " is not committed");
      }
      byte[] prefix = StorageLayout.heightKey(height);
      byte[] validator = seal.validator().getBytes(StandardCharsets.UTF_8);
      byte[] key = Arrays.copyOf(prefix, prefix.length + validator.length);
      System.arraycopy(validator, 0, key, prefix.length, validator.length);
      db.write(batch -> {
        batch.put(Column.SEALS, key, LedgerCodec.encode(seal));
        recordApplied(batch, logIndex);
      }, "a seal of block " + height);
      advanceApplied(logIndex);
    }
  }

  @Override
  public long appliedIndex() {
    return applied;
  }

  @Override
  public void markApplied(long logIndex) {
    synchronized (appendLock) {
      db.ensureWritable();
      db.write(batch -> recordApplied(batch, logIndex), "the applied log index");
      advanceApplied(logIndex);
    }
  }

  private static void recordApplied(RocksDatabase.Batch batch, long logIndex) {
    if (logIndex != NO_LOG_INDEX) {
      batch.put(Column.META, StorageLayout.APPLIED_KEY, java.nio.ByteBuffer.allocate(Long.BYTES).putLong(logIndex).array());
    }
  }

  private void advanceApplied(long logIndex) {
    if (logIndex != NO_LOG_INDEX) {
      applied = logIndex;
    }
  }

  @Override
  public StateView state() {
    db.ensureOpen();
    return state;
  }

  private Optional<byte[]> stateValue(String key) {
    Objects.requireNonNull(key, "key");
    byte[] value = db.get(Column.STATE, StorageLayout.stateKey(key), () -> "the state entry '" + key + "'");
    return Optional.ofNullable(value);
  }

  /**
   * Stores the next block with its state changes, atomically and durably.
   *
   * @throws IllegalStateException if the block's height is not {@code height() + 1}, it does not
   *     link to the head, it repeats a transaction (within itself or already on chain), or the
   *     store is closed or read-only; nothing is written
   * @throws StorageException if the head cannot be read or the write fails
   */
  @Override
  public void append(Block block, StateChanges changes) {
    append(block, changes, NO_LOG_INDEX);
  }

  @Override
  public void append(Block block, StateChanges changes, long logIndex) {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(changes, "changes");
    synchronized (appendLock) {
      db.ensureWritable();
      long height = block.height();
      checkLink(block.header());
      List<byte[]> transactionKeys = checkNewTransactions(block);
      byte[] encodedBlock = LedgerCodec.encode(block);
      byte[] encodedHeader = LedgerCodec.encode(block.header());
      byte[] heightKey = StorageLayout.heightKey(height);
      db.write(batch -> {
        batch.put(Column.BLOCKS, heightKey, encodedBlock);
        batch.put(Column.HEADERS, heightKey, encodedHeader);
        for (int i = 0; i < transactionKeys.size(); i++) {
          batch.put(Column.TX_INDEX, transactionKeys.get(i),
              StorageLayout.locationValue(new TransactionLocation(height, i)));
        }
        changes.writes().forEach((key, value) -> {
          byte[] stateKey = StorageLayout.stateKey(key);
          if (value.isPresent()) {
            batch.put(Column.STATE, stateKey, value.get());
          } else {
            batch.delete(Column.STATE, stateKey);
          }
        });
        batch.put(Column.META, StorageLayout.HEAD_KEY, heightKey);
        recordApplied(batch, logIndex);
      }, "block " + height);
      head = height;
      advanceApplied(logIndex);
      if (height % COMMITTED_HEAD_INTERVAL == 0) {
        committed.record(height);
      }
    }
  }

  private void checkLink(BlockHeader header) {
    long current = head;
    if (header.height() != current + 1) {
      throw new IllegalStateException("block " + header.height() + " cannot follow the head: the next block is "
          + (current + 1));
    }
    if (current < 0) {
      return; // a genesis block may carry any previous hash
    }
    BlockHeader headHeader = header(current)
        .orElseThrow(() -> missing("the header of block " + current));
    Digest expected = headHeader.hash();
    if (!header.previousHash().equals(expected)) {
      throw new IllegalStateException("block " + header.height() + " does not link to block " + current
          + ": its previous hash is " + header.previousHash().hex() + ", block " + current + " hashes to "
          + expected.hex());
    }
  }

  /** The index keys of the block's transactions, after checking none is repeated or indexed. */
  private List<byte[]> checkNewTransactions(Block block) {
    Set<Digest> seen = new HashSet<>();
    List<byte[]> keys = new ArrayList<>(block.transactions().size());
    for (SignedTransaction tx : block.transactions()) {
      if (!seen.add(tx.id())) {
        throw new IllegalStateException("transaction " + tx.id().hex() + " appears twice in block " + block.height());
      }
      keys.add(StorageLayout.transactionKey(tx.id()));
    }
    List<byte[]> existing = db.getAll(Column.TX_INDEX, keys, () -> "the transaction index");
    for (int i = 0; i < existing.size(); i++) {
      if (existing.get(i) != null) {
        throw new IllegalStateException("transaction " + block.transactions().get(i).id().hex()
            + " of block " + block.height() + " is already on chain" + where(existing.get(i)));
      }
    }
    return keys;
  }

  private static String where(byte[] indexValue) {
    try {
      TransactionLocation location = StorageLayout.location(indexValue);
      return " (block " + location.height() + ", position " + location.index() + ")";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Reads and decodes the value of a committed height; a value missing below the head is damage. */
  private <T> Optional<T> committed(Column column, long height, String what, Function<byte[], T> decoder) {
    if (height < 0 || height > height()) {
      return Optional.empty();
    }
    byte[] bytes = db.get(column, StorageLayout.heightKey(height), () -> what);
    if (bytes == null) {
      throw missing(what);
    }
    try {
      return Optional.of(decoder.apply(bytes));
    } catch (MalformedEncodingException e) {
      throw damaged(what, e.getMessage());
    }
  }

  private <T> T requireHeight(long actual, long expected, String what, T value) {
    if (actual != expected) {
      throw damaged(what, "it holds block " + actual);
    }
    return value;
  }

  private StorageException damaged(String what, String why) {
    String reason = why.replaceAll("\\s+", " ").trim();
    return new StorageException(what + " in " + db.directory() + " is damaged: " + reason);
  }

  private StorageException missing(String what) {
    return new StorageException(what + " in " + db.directory() + " is missing (the head is block " + head + ")");
  }

  /**
   * Releases the store; idempotent. Waits for reads and a write in progress; an append that has
   * not reached its write yet fails as on a closed store.
   */
  @Override
  public void close() {
    if (!db.isClosed() && !db.isReadOnly()) {
      committed.record(head);
    }
    db.close();
  }

  @Override
  public String toString() {
    return "RocksChainStore[" + db.directory() + "]";
  }
}
