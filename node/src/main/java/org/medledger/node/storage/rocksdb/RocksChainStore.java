package org.medledger.node.storage.rocksdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.medledger.node.storage.CheckpointableChainStore;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.DirectoryTrees;
import org.medledger.node.storage.RawLedgerStorage;
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
 * <p><b>Checkpoints.</b> {@link #checkpoint} writes a consistent copy (RocksDB checkpoint: table
 * files hard-linked) with the applied log index it holds; {@link #replaceWith} swaps the whole
 * database for such a copy under an exclusive lock, so that no reader or writer ever meets the
 * closed database in between: they wait, then see the new chain.
 *
 * <p>No block or state is cached on the Java heap; RocksDB's own caches are bounded (see
 * {@code RocksTuning}).
 */
public final class RocksChainStore implements CheckpointableChainStore {
  /** Every this many blocks, the committed-head record is brought up to date. */
  private static final long COMMITTED_HEAD_INTERVAL = 256;
  /** Marks a write that comes from no log entry (block 0, tests). */
  private static final long NO_LOG_INDEX = -1;
  /** In a checkpoint directory: what it holds (applied log index, head). */
  static final String CHECKPOINT_FILE = "MEDLEDGER-CHECKPOINT";
  private static final Pattern CHECKPOINT_CONTENT =
      Pattern.compile("medledger checkpoint v1\\napplied (-1|0|[1-9][0-9]{0,18})\\nhead (-1|0|[1-9][0-9]{0,18})\\n");
  private final Path directory;
  /** The open database; replaced only under {@code appendLock} and the write lock of {@code swap}. */
  private volatile RocksDatabase db;
  /** Held shared by every use of {@code db}, exclusively while it is closed or swapped. */
  private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
  private final Object appendLock = new Object();
  private final StateView state = this::stateValue;
  private final RawLedgerStorage raw;
  private final CommittedHead committed;
  /** The height of the last committed block; written only under {@code appendLock}. */
  private volatile long head;
  /** The last applied log index; written only under {@code appendLock}. */
  private volatile long applied;
  /** How many times {@link #replaceWith} swapped the content; written only under {@code appendLock}. */
  private volatile int replacements;

  private RocksChainStore(RocksDatabase db, CommittedHead committed, long head) {
    this.directory = db.directory();
    this.db = db;
    this.committed = committed;
    this.head = head;
    this.raw = new RocksRawStorage(new RocksRawStorage.Access() {
      @Override
      public <T> T read(Function<RocksDatabase, T> operation) {
        return reading(operation);
      }
    });
    this.applied = storedApplied(db);
  }

  private static long storedApplied(RocksDatabase db) {
    byte[] stored = db.get(Column.META, StorageLayout.APPLIED_KEY, () -> "the applied log index");
    if (stored != null && stored.length != Long.BYTES) {
      throw new StorageException("the applied log index in " + db.directory() + " is damaged");
    }
    return stored == null ? -1 : java.nio.ByteBuffer.wrap(stored).getLong();
  }

  /** Runs an operation on the current database, which is neither closed nor swapped meanwhile. */
  private <T> T reading(Function<RocksDatabase, T> operation) {
    swap.readLock().lock();
    try {
      return operation.apply(db);
    } finally {
      swap.readLock().unlock();
    }
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
    return directory;
  }

  /** Byte-level access to this store, for verification and tamper tests. */
  public RawLedgerStorage raw() {
    return reading(db -> {
      db.ensureOpen();
      return raw;
    });
  }

  @Override
  public long height() {
    return reading(db -> {
      db.ensureOpen();
      return head;
    });
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
    return reading(db -> locate(db, transactionId));
  }

  private Optional<TransactionLocation> locate(RocksDatabase db, Digest transactionId) {
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
    return reading(db -> seals(db, height));
  }

  private List<BlockSeal> seals(RocksDatabase db, long height) {
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
      reading(db -> {
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
        return null;
      });
    }
  }

  @Override
  public long appliedIndex() {
    return applied;
  }

  @Override
  public void markApplied(long logIndex) {
    synchronized (appendLock) {
      reading(db -> {
        db.ensureWritable();
        db.write(batch -> recordApplied(batch, logIndex), "the applied log index");
        advanceApplied(logIndex);
        return null;
      });
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
    return reading(db -> {
      db.ensureOpen();
      return state;
    });
  }

  private Optional<byte[]> stateValue(String key) {
    Objects.requireNonNull(key, "key");
    byte[] value = reading(db -> db.get(Column.STATE, StorageLayout.stateKey(key),
        () -> "the state entry '" + key + "'"));
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
      reading(db -> {
        append(db, block, changes, logIndex);
        return null;
      });
    }
  }

  private void append(RocksDatabase db, Block block, StateChanges changes, long logIndex) {
    db.ensureWritable();
    long height = block.height();
    checkLink(block.header());
    List<byte[]> transactionKeys = checkNewTransactions(db, block);
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
  private List<byte[]> checkNewTransactions(RocksDatabase db, Block block) {
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
    byte[] bytes = reading(db -> db.get(column, StorageLayout.heightKey(height), () -> what));
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
    return new StorageException(what + " in " + directory + " is damaged: " + reason);
  }

  private StorageException missing(String what) {
    return new StorageException(what + " in " + directory + " is missing (the head is block " + head + ")");
  }

  /**
   * Releases the store; idempotent. Waits for reads and a write in progress; an append that has
   * not reached its write yet fails as on a closed store.
   */
  @Override
  public void close() {
    if (swap.getReadHoldCount() > 0) {
      throw new IllegalStateException("the chain store in " + directory + " cannot be closed from inside a read");
    }
    swap.writeLock().lock();
    try {
      if (!db.isClosed() && !db.isReadOnly()) {
        committed.record(head);
      }
      db.close();
    } finally {
      swap.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "RocksChainStore[" + directory + "]";
  }

  /**
   * Writes a consistent checkpoint of this store into {@code target} (which must not exist): the
   * RocksDB files (table files hard-linked where possible), this store's committed-head record,
   * and a {@value #CHECKPOINT_FILE} file naming the applied log index and head it holds. Writes
   * wait meanwhile.
   */
  @Override
  public long checkpoint(Path target) {
    Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
    synchronized (appendLock) {
      return reading(db -> {
        db.ensureOpen();
        long atApplied = applied;
        long atHead = head;
        db.checkpoint(absolute);
        if (!new CommittedHead(absolute).record(atHead)) {
          throw new StorageException("the checkpoint in " + absolute + " could not be completed: its "
              + CommittedHead.FILE_NAME + " file could not be written");
        }
        writeDurably(absolute.resolve(CHECKPOINT_FILE),
            "medledger checkpoint v1\napplied " + atApplied + "\nhead " + atHead + "\n");
        return atApplied;
      });
    }
  }

  @Override
  public long checkpointAppliedIndex(Path checkpoint) {
    Path file = Objects.requireNonNull(checkpoint, "checkpoint").resolve(CHECKPOINT_FILE);
    String content;
    try {
      content = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new StorageException(checkpoint + " is not a chain store checkpoint: its " + CHECKPOINT_FILE
          + " file cannot be read: " + e);
    }
    Matcher matcher = CHECKPOINT_CONTENT.matcher(content);
    if (!matcher.matches()) {
      throw new StorageException(checkpoint + " is not a chain store checkpoint: its " + CHECKPOINT_FILE
          + " file is garbled");
    }
    return Long.parseLong(matcher.group(1));
  }

  /** How many times {@link #replaceWith} has swapped this store's content since it was opened. */
  public int replacements() {
    return replacements;
  }

  /**
   * Replaces this store's content by a copy of the checkpoint: copies it (table files
   * hard-linked) beside the data directory and checks it whole (read-only open, checksums, same
   * block 0); then, with every reader and writer held off, closes the database, renames the data
   * directory aside and the copy into its place, reopens, and re-reads the head and the applied
   * index. A crash between the two renames leaves no data directory: the node then starts on an
   * empty store, which its consensus layer refills from the same snapshot.
   */
  @Override
  public void replaceWith(Path checkpoint) {
    Path source = Objects.requireNonNull(checkpoint, "checkpoint").toAbsolutePath().normalize();
    long incoming = checkpointAppliedIndex(source);
    Path staging = sibling(".installing");
    Path aside = sibling(".replaced");
    deleteTree(staging);
    deleteTree(aside);
    copyCheckpoint(source, staging);
    try (RocksChainStore candidate = openReadOnly(staging)) {
      Optional<BlockHeader> theirs = candidate.header(0);
      Optional<BlockHeader> ours = header(0);
      if (theirs.isEmpty() || ours.isPresent() && !ours.get().hash().equals(theirs.get().hash())) {
        throw new StorageException("the checkpoint in " + source + " holds another chain: its block 0 is "
            + theirs.map(h -> h.hash().hex()).orElse("missing") + ", ours "
            + ours.map(h -> h.hash().hex()).orElse("missing"));
      }
      if (candidate.appliedIndex() != incoming) {
        throw new StorageException("the checkpoint in " + source + " is damaged: it holds log index "
            + candidate.appliedIndex() + ", its " + CHECKPOINT_FILE + " file says " + incoming);
      }
    } catch (RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    synchronized (appendLock) {
      swap.writeLock().lock();
      try {
        try {
          db.ensureWritable();
        } catch (RuntimeException e) {
          deleteTree(staging);
          throw e;
        }
        db.close();
        boolean movedAside = false;
        boolean movedIn = false;
        RocksDatabase opened = null;
        try {
          move(directory, aside);
          movedAside = true;
          move(staging, directory);
          movedIn = true;
          syncDirectory(directory.getParent());
          opened = RocksDatabase.open(directory, false, false);
          long openedHead = StoreCheck.check(opened, committed);
          StoreCheck.ensureFormat(opened);
          long openedApplied = storedApplied(opened);
          committed.record(openedHead);
          db = opened;
          head = openedHead;
          applied = openedApplied;
          replacements++;
        } catch (RuntimeException e) {
          if (opened != null) {
            try {
              opened.close();
            } catch (RuntimeException closing) {
              e.addSuppressed(closing);
            }
          }
          restore(movedIn, movedAside, aside, staging, e);
          throw e;
        }
      } finally {
        swap.writeLock().unlock();
      }
    }
    deleteTree(aside);
  }

  /**
   * Puts the old content back and reopens it after a failed switch (under the exclusive lock); if
   * that fails too, the store stays closed.
   */
  private void restore(boolean movedIn, boolean movedAside, Path aside, Path staging, RuntimeException failure) {
    try {
      if (movedIn) {
        move(directory, staging);
      }
      if (movedAside) {
        move(aside, directory);
      }
      db = RocksDatabase.open(directory, false, false);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    try {
      deleteTree(staging);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private Path sibling(String suffix) {
    Path parent = directory.getParent();
    if (parent == null) {
      throw new StorageException("the data directory " + directory + " has no parent to stage a checkpoint in");
    }
    return parent.resolve(directory.getFileName() + suffix);
  }

  /** Copies a checkpoint directory: table files hard-linked if possible, other files copied and synced. */
  private static void copyCheckpoint(Path source, Path target) {
    try (Stream<Path> files = Files.list(source)) {
      Files.createDirectories(target);
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || name.endsWith(".md5") || name.equals(CHECKPOINT_FILE)) {
          continue; // Ratis keeps a digest beside each file it received
        }
        Path copy = target.resolve(name);
        if (name.endsWith(".sst") && link(file, copy)) {
          continue; // immutable: sharing it is safe
        }
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      syncDirectory(target);
    } catch (IOException e) {
      deleteTree(target);
      throw new StorageException("the checkpoint in " + source + " could not be copied to " + target + ": " + e);
    }
  }

  private static boolean link(Path file, Path copy) {
    try {
      Files.createLink(copy, file);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false; // another file system: copy instead
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageException("could not rename " + from + " to " + to + ": " + e);
    }
  }

  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new StorageException("could not sync the directory " + directory + ": " + e);
    }
  }

  private static void writeDurably(Path file, String content) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
    } catch (IOException e) {
      throw new StorageException("could not write " + file + ": " + e);
    }
    syncDirectory(file.getParent());
  }

  /** Deletes a directory tree if it exists. */
  private static void deleteTree(Path root) {
    try {
      DirectoryTrees.delete(root);
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new StorageException("could not delete " + root + ": " + e);
    }
  }

}
