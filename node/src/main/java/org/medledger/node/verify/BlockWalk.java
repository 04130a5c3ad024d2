package org.medledger.node.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.execution.BlockRoots;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;
import org.medledger.node.storage.StorageLayout;

/**
 * The reading half of a verification, on its own thread: streams the blocks column in height
 * order and checks each block against the stored bytes alone — canonical encoding, no gap in the
 * heights, the stored header, the genesis block, the hash link, the Merkle roots, the transaction
 * index entries (the index read in one pass first, see {@link IndexSnapshot}) and the stored
 * seals' form (each decodes, under its validator's name) — then hands it to the re-executing
 * half through a bounded queue. It stops at the first block that fails a check, after handing
 * over the failure; blocks are handed over strictly in order, so the first failure either half
 * finds is the lowest. The seals' signatures are not checked here: which validators may seal a
 * block depends on the state replayed up to it (see {@link SealChecks}).
 */
final class BlockWalk implements Runnable {
  /** What the walk hands over, in height order. */
  sealed interface Step permits Checked, Broken, Crashed, Finished {}

  /**
   * A block that passed every check of the walk ({@code problem} null; then every transaction's
   * index entry was found pointing at it, and {@code seals} are its stored seals, in validator
   * order, not yet verified: whose seals count depends on the validator set the re-execution has
   * reached), or one whose results do not match its results root ({@code problem} set, no seals):
   * re-executing it can tell which result differs.
   */
  record Checked(Block block, int encodedLength, Finding problem, List<BlockSeal> seals) implements Step {}

  /** A block that failed a check; nothing after it is looked at. */
  record Broken(Finding finding) implements Step {}

  /** Reading failed (a {@link org.medledger.node.storage.StorageException}, or a defect). */
  record Crashed(Throwable error) implements Step {
    /** Throws the error in the calling thread. */
    RuntimeException rethrow() {
      if (error instanceof Error e) {
        throw e;
      }
      throw (RuntimeException) error;
    }
  }

  /** Every block up to the head was handed over. */
  record Finished() implements Step {}

  private final RawLedgerStorage raw;
  private final long head;
  private final BlockHeader genesis;
  private final BlockingQueue<Step> queue;
  /** One permit per KiB of encoded blocks that may be handed over and not yet taken. */
  private final Semaphore readAhead;
  private final int readAheadKib;
  private volatile boolean cancelled;

  private long next;
  private BlockHeader previous;
  private boolean handedOverLast;
  /** The transaction index, read in one pass before the first block. */
  private IndexSnapshot index;

  /**
   * @param queue where the steps go; its capacity bounds the blocks read ahead
   * @param readAheadBytes bounds the encoded size of the blocks read ahead (but one block is always
   *     handed over, however large)
   */
  BlockWalk(RawLedgerStorage raw, long head, BlockHeader genesis, BlockingQueue<Step> queue, long readAheadBytes) {
    this.raw = raw;
    this.readAheadKib = (int) Math.max(1, readAheadBytes >> 10);
    this.readAhead = new Semaphore(readAheadKib);
    this.head = head;
    this.genesis = genesis;
    this.queue = queue;
  }

  /** Takes the next step (waiting for it), releasing its share of the read-ahead. */
  Step take() throws InterruptedException {
    Step step = queue.take();
    readAhead.release(permits(step));
    return step;
  }

  /** The next step if it was handed over already (releasing its share of the read-ahead), else null. */
  Step poll() {
    Step step = queue.poll();
    if (step != null) {
      readAhead.release(permits(step));
    }
    return step;
  }

  /** Asks the walk to stop soon; it hands over nothing more. */
  void cancel() {
    cancelled = true;
  }

  @Override
  public void run() {
    try {
      index = IndexSnapshot.load(raw);
      raw.scan(Column.BLOCKS, new byte[0], (key, value) -> {
        if (cancelled) {
          return false;
        }
        Step step = check(key, value);
        boolean passed = step instanceof Checked c && c.problem() == null;
        handedOverLast = !passed;
        hand(step);
        return passed && next <= head;
      });
      if (!handedOverLast && !cancelled) {
        hand(next <= head
            ? new Broken(new Finding(next, "block " + next + " is missing (the store's head is block " + head + ")"))
            : new Finished());
      }
    } catch (RuntimeException | Error e) { // handed over, so that the re-executing thread never waits forever
      hand(new Crashed(e));
    }
  }

  private Step check(byte[] key, byte[] value) {
    long height = next;
    if (key.length != StorageLayout.HEIGHT_LENGTH) {
      return broken(height, "the blocks column holds an entry under a malformed key (" + key.length
          + " bytes) where block " + height + " belongs");
    }
    if (ByteBuffer.wrap(key).getLong() != height) {
      return broken(height, "block " + height + " is missing (the store's head is block " + head + ")");
    }
    Block block;
    try {
      block = LedgerCodec.decodeBlock(value);
    } catch (MalformedEncodingException e) {
      return broken(height, "block " + height + " is not a canonically encoded block: " + Texts.clean(e.getMessage()));
    }
    if (block.height() != height) {
      return broken(height, "the block stored at height " + height + " says it is block " + block.height());
    }
    BlockHeader header = block.header();
    Optional<byte[]> storedHeader = raw.raw(Column.HEADERS, key);
    if (storedHeader.isEmpty()) {
      return broken(height, "the header of block " + height + " is missing from the headers column");
    }
    if (!Arrays.equals(storedHeader.get(), LedgerCodec.encode(header))) {
      return broken(height, "the stored header of block " + height + " differs from the block's own header");
    }
    Finding link = height == 0 ? genesis(header) : link(header);
    if (link != null) {
      return new Broken(link);
    }
    if (!header.transactionsRoot().equals(BlockRoots.digest(BlockRoots.transactionsTree(block).root()))) {
      return broken(height, "the transactions of block " + height + " do not match the transactions root in its header");
    }
    if (!header.resultsRoot().equals(BlockRoots.digest(BlockRoots.resultsTree(block).root()))) {
      return new Checked(block, value.length, new Finding(height,
          "the results of block " + height + " do not match the results root in its header"), List.of());
    }
    Finding index = index(block);
    if (index != null) {
      return new Broken(index);
    }
    List<BlockSeal> seals = new ArrayList<>();
    Finding seal = seals(header, seals);
    if (seal != null) {
      return new Broken(seal);
    }
    previous = header;
    next = height + 1;
    return new Checked(block, value.length, null, List.copyOf(seals));
  }

  private Finding genesis(BlockHeader header) {
    if (header.hash().equals(genesis.hash())) {
      return null;
    }
    if (!header.chainId().equals(genesis.chainId())) {
      return new Finding(0, "block 0 is the genesis block of chain " + Texts.quote(header.chainId())
          + ", not of chain " + Texts.quote(genesis.chainId()) + " of the genesis file");
    }
    return new Finding(0, "block 0 is not the genesis block of this genesis file: it hashes to "
        + header.hash().hex() + ", the genesis file gives " + genesis.hash().hex());
  }

  private Finding link(BlockHeader header) {
    long height = header.height();
    Digest expected = previous.hash();
    if (!header.previousHash().equals(expected)) {
      return new Finding(height, "block " + height + " does not link to block " + (height - 1) + ": its previous hash is "
          + header.previousHash().hex() + ", block " + (height - 1) + " hashes to " + expected.hex());
    }
    if (!header.chainId().equals(genesis.chainId())) {
      return new Finding(height, "block " + height + " names chain " + Texts.quote(header.chainId()) + ", not "
          + Texts.quote(genesis.chainId()));
    }
    if (header.timestamp().isBefore(previous.timestamp())) {
      return new Finding(height, "block " + height + " is timestamped " + header.timestamp() + ", before block "
          + (height - 1) + " (" + previous.timestamp() + ")");
    }
    return null;
  }

  /** Each transaction's index entry points at its own block and position. */
  private Finding index(Block block) {
    long height = block.height();
    for (int i = 0; i < block.transactions().size(); i++) {
      SignedTransaction tx = block.transactions().get(i);
      Optional<byte[]> entry = index.raw(tx.id());
      if (entry.isEmpty()) {
        return new Finding(height, which(i, height, tx) + " is not in the transaction index");
      }
      TransactionLocation location;
      try {
        location = StorageLayout.location(entry.get());
      } catch (IllegalArgumentException e) {
        return new Finding(height, "the transaction index entry of " + which(i, height, tx) + " is damaged: "
            + e.getMessage());
      }
      if (location.height() != height || location.index() != i) {
        return new Finding(height, "the transaction index places " + which(i, height, tx) + " at block "
            + location.height() + ", position " + location.index());
      }
    }
    return null;
  }

  private static String which(int i, long height, SignedTransaction tx) {
    return "transaction " + i + " of block " + height + " (id " + tx.id().hex() + ")";
  }

  /**
   * Each stored seal of this height decodes and is signed as the validator it is stored under;
   * collects them. Whether each is by a validator of the set in force and verifies is checked
   * by the re-executing half ({@link SealChecks}).
   */
  private Finding seals(BlockHeader header, List<BlockSeal> seals) {
    long height = header.height();
    byte[] prefix = StorageLayout.heightKey(height);
    Finding[] found = new Finding[1];
    raw.scan(Column.SEALS, prefix, (key, value) -> {
      if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)) {
        return false;
      }
      found[0] = seal(height, Arrays.copyOfRange(key, prefix.length, key.length), value, seals);
      return found[0] == null;
    });
    return found[0];
  }

  private static Finding seal(long height, byte[] validatorKey, byte[] value, List<BlockSeal> seals) {
    String validator;
    try {
      validator = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(validatorKey)).toString();
    } catch (CharacterCodingException e) {
      return new Finding(height, "a seal of block " + height + " is stored under a malformed validator name");
    }
    BlockSeal seal;
    try {
      seal = LedgerCodec.decodeSeal(value);
    } catch (MalformedEncodingException e) {
      return new Finding(height, "the seal of " + Texts.quote(validator) + " over block " + height + " is damaged: "
          + Texts.clean(e.getMessage()));
    }
    if (!seal.validator().equals(validator)) {
      return new Finding(height, "the seal stored for " + Texts.quote(validator) + " over block " + height
          + " is signed as " + Texts.quote(seal.validator()));
    }
    seals.add(seal);
    return null;
  }

  /** The read-ahead a step takes: its block's KiB, at most the whole read-ahead (so it always fits). */
  private int permits(Step step) {
    return step instanceof Checked checked ? Math.min(readAheadKib, (checked.encodedLength() >> 10) + 1) : 0;
  }

  private static Broken broken(long height, String reason) {
    return new Broken(new Finding(height, reason));
  }

  /** Hands a step over, waiting for room unless cancelled. */
  private void hand(Step step) {
    try {
      while (!readAhead.tryAcquire(permits(step), 50, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          return;
        }
      }
      while (!queue.offer(step, 50, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelled = true;
    }
  }
}
