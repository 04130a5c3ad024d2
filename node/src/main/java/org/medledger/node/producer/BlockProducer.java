package org.medledger.node.producer;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.receipt.BlockReceipts;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.Rejection;
import org.medledger.ledger.validation.RejectionCode;
import org.medledger.node.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block cutter of a single validator. {@link #submit} checks a transaction against the head
 * state and queues it; one producer thread takes a batch when enough transactions wait or the
 * oldest has waited long enough, executes it into the next block, appends the block, seals its
 * header with the validator's key and completes each transaction's future with its receipt.
 *
 * <p>Only the batch and the proposed time (from the clock) enter a block; everything else comes
 * from the chain. A transaction refused at admission fails fast and is never queued. A replay that
 * slipped past admission is left out of its block by the executor and its future fails with
 * {@link RejectionCode#REPLAY}. The futures of committed transactions complete on a receipts
 * thread of this producer, so the producer thread goes on with the next block meanwhile.
 *
 * <p>If a block cannot be committed (typically a storage failure), its transactions fail with a
 * {@link BlockCommitException}, every other waiting transaction with a
 * {@link NodeStoppingException}, and the producer accepts nothing more.
 */
public final class BlockProducer implements AutoCloseable {
  /** The default bound on transactions waiting for a block. */
  public static final int DEFAULT_MAX_PENDING = 100_000;

  private static final Logger LOG = LoggerFactory.getLogger(BlockProducer.class);

  private final MutableChain chain;
  private final BlockExecutor executor;
  private final Admission admission;
  private final ValidatorKey validator;
  private final Clock clock;
  private final PendingTransactions pending;
  private final ExecutorService receipts;
  private final Thread thread;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** Set once no transaction is accepted any more: on close, or after a failed commit. */
  private volatile boolean stopped;

  private BlockProducer(MutableChain chain, ChainRules rules, ValidatorKey validator, NodeConfig.Batch batch,
      int maxPending, Clock clock) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.executor = new BlockExecutor(rules.chainId(), rules.contracts(), rules.identities(),
        rules.maxTransactionBytes());
    this.admission = new Admission(rules);
    this.validator = Objects.requireNonNull(validator, "validator");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pending = new PendingTransactions(Objects.requireNonNull(batch, "batch"), maxPending);
    this.receipts = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "receipts"));
    this.thread = daemon(this::run, "producer");
  }

  /**
   * Starts producing blocks on a chain that holds at least its genesis block.
   *
   * @param maxPending how many transactions may wait for a block before new ones are refused
   * @param clock the source of proposed block times
   */
  public static BlockProducer start(MutableChain chain, ChainRules rules, ValidatorKey validator,
      NodeConfig.Batch batch, int maxPending, Clock clock) {
    if (chain.height() < 0) {
      throw new IllegalStateException("the chain has no genesis block");
    }
    BlockProducer producer = new BlockProducer(chain, rules, validator, batch, maxPending, clock);
    producer.thread.start();
    return producer;
  }

  /**
   * Submits a transaction. The future completes with its receipt once its block is committed and
   * sealed, or fails with a {@link TransactionRejectedException} (refused: never queued),
   * {@link NodeOverloadedException}, {@link NodeStoppingException} or
   * {@link BlockCommitException}. A transaction committed with a failed result completes normally:
   * it is on chain and its receipt says why it failed.
   */
  public CompletableFuture<Receipt> submit(SignedTransaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    if (stopped) {
      return CompletableFuture.failedFuture(stopping());
    }
    try {
      admission.check(transaction, chain, pending::contains, clock.instant());
    } catch (Rejection rejection) {
      LOG.debug("refused transaction {}: {}", transaction.id(), rejection.code().id());
      return CompletableFuture.failedFuture(new TransactionRejectedException(rejection.code(), rejection.getMessage()));
    }
    CompletableFuture<Receipt> future = new CompletableFuture<>();
    return switch (pending.offer(new PendingTransactions.Entry(transaction, future, System.nanoTime()))) {
      case ACCEPTED -> future;
      case DUPLICATE -> CompletableFuture.failedFuture(new TransactionRejectedException(RejectionCode.REPLAY,
          "transaction " + transaction.id() + " is already waiting for a block"));
      case FULL -> CompletableFuture.failedFuture(new NodeOverloadedException(
          "too many transactions are waiting for a block; try again shortly"));
      case CLOSED -> CompletableFuture.failedFuture(stopping());
    };
  }

  /** How many transactions wait for a block or are in the block being committed. */
  public int pending() {
    return pending.size();
  }

  private void run() {
    try {
      while (true) {
        List<PendingTransactions.Entry> batch = pending.nextBatch();
        if (batch.isEmpty()) {
          return;
        }
        if (!commit(batch)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Executes, stores and seals one block; false if that failed and production must stop. */
  private boolean commit(List<PendingTransactions.Entry> batch) {
    long height = -1;
    Block block;
    List<BlockSeal> seals;
    try {
      height = chain.height() + 1;
      ExecutedBlock executed = executor.execute(chain,
          batch.stream().map(PendingTransactions.Entry::transaction).toList(), clock.instant(), validator.id());
      block = executed.block();
      chain.append(block, executed.changes());
      pending.settled(batch);
      chain.addSeal(height, BlockSeal.sign(validator.id(), validator.signer(), block.header()));
      seals = chain.seals(height);
    } catch (RuntimeException e) {
      LOG.error("block {} could not be committed; the node stops producing blocks: {}", height, e.getMessage());
      stopAccepting("the node stopped producing blocks after block " + height + " could not be committed");
      pending.settled(batch);
      BlockCommitException failure = new BlockCommitException("block " + height
          + " could not be committed; the transaction may or may not be on chain: look it up by its id");
      receipts.execute(() -> batch.forEach(entry -> entry.future().completeExceptionally(failure)));
      return false;
    }
    receipts.execute(() -> complete(batch, block, seals));
    return true;
  }

  private static void complete(List<PendingTransactions.Entry> batch, Block block, List<BlockSeal> seals) {
    try {
      BlockReceipts receipts = new BlockReceipts(block, seals);
      for (PendingTransactions.Entry entry : batch) {
        SignedTransaction tx = entry.transaction();
        receipts.of(tx.id()).ifPresentOrElse(entry.future()::complete, () -> entry.future().completeExceptionally(
            new TransactionRejectedException(RejectionCode.REPLAY, "transaction " + tx.id() + " is already on chain")));
      }
    } catch (RuntimeException e) {
      LOG.error("the receipts of block {} could not be built: {}", block.height(), e.getMessage());
      BlockCommitException failure = new BlockCommitException("block " + block.height()
          + " was committed but its receipts could not be built: look the transaction up by its id");
      batch.forEach(entry -> entry.future().completeExceptionally(failure));
    }
  }

  /**
   * Stops the producer: refuses new transactions, lets a block being committed finish, fails every
   * transaction still waiting with a {@link NodeStoppingException} and waits for the receipts
   * already due to be delivered. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopAccepting("the node is stopping");
    boolean interrupted = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      interrupted = true;
    }
    receipts.shutdown();
    try {
      if (!receipts.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("receipts were still being delivered when the producer of {} stopped", validator.id());
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopAccepting(String reason) {
    stopped = true;
    List<PendingTransactions.Entry> waiting = pending.close();
    NodeStoppingException stopping = new NodeStoppingException(reason + "; the transaction was not committed");
    waiting.forEach(entry -> entry.future().completeExceptionally(stopping));
  }

  private static NodeStoppingException stopping() {
    return new NodeStoppingException("the node is stopping; the transaction was not accepted");
  }

  private Thread daemon(Runnable runnable, String role) {
    Thread t = new Thread(runnable, "medledger-" + validator.id() + "-" + role);
    t.setDaemon(true);
    return t;
  }

  @Override
  public String toString() {
    return "BlockProducer[" + validator.id() + "]";
  }
}
