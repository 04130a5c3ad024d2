package org.medledger.node.producer;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.ledger.receipt.BlockReceipts;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.Receipts;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.Rejection;
import org.medledger.ledger.validation.RejectionCode;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.consensus.Replicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a node's clients' transactions enter the network. {@link #submit} checks a transaction
 * against the head state and queues it; one thread takes a batch when enough transactions wait
 * or the oldest has waited long enough, and proposes it to the replicated log with this node's
 * clock as the proposed block time. When the node applies a batch from the log (whoever proposed
 * it), {@link #batchApplied} completes the futures of this node's transactions in it with their
 * receipts.
 *
 * <p>A transaction refused at admission fails fast and is never proposed. One left out of its
 * block (a replay that slipped past admission) fails with {@link RejectionCode#REPLAY}. A batch
 * the log refused fails its transactions with a {@link BlockCommitException}: they may or may not
 * be on chain.
 */
public final class Proposer implements AutoCloseable {
  /** The default bound on transactions waiting for a block. */
  public static final int DEFAULT_MAX_PENDING = 100_000;
  /**
   * Batches proposed and not yet committed, at most: one, so that what arrives meanwhile gathers
   * into the next batch (a log entry costs far more than a transaction in it; measured: 2x the
   * throughput of 8 in flight on 4 validators, docs/PERFORMANCE.md). The slot is given back as
   * soon as the batch is applied here or the log answers, whichever comes first
   * ({@link ProposalSlot}).
   */
  private static final int MAX_IN_FLIGHT = 1;

  private static final Logger LOG = LoggerFactory.getLogger(Proposer.class);

  private final String validator;
  private final ChainView chain;
  private final Admission admission;
  private final Replicator replicator;
  private final Clock clock;
  private final PendingTransactions pending;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  /** The batch in flight (with one slot, at most one); null before the first proposal. */
  private volatile ProposalSlot proposed;
  private final ExecutorService receipts;
  private final Thread thread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean stopped;

  private Proposer(String validator, ChainView chain, ChainRules rules, Replicator replicator, NodeConfig.Batch batch,
      int maxPending, Clock clock) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.chain = Objects.requireNonNull(chain, "chain");
    this.admission = new Admission(rules);
    this.replicator = Objects.requireNonNull(replicator, "replicator");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pending = new PendingTransactions(Objects.requireNonNull(batch, "batch"), maxPending);
    this.receipts = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "receipts"));
    this.thread = daemon(this::run, "proposer");
  }

  /**
   * Starts proposing for a validator.
   *
   * @param maxPending how many transactions may wait before new ones are refused
   * @param clock the source of proposed block times
   */
  public static Proposer start(String validator, ChainView chain, ChainRules rules, Replicator replicator,
      NodeConfig.Batch batch, int maxPending, Clock clock) {
    Proposer proposer = new Proposer(validator, chain, rules, replicator, batch, maxPending, clock);
    proposer.thread.start();
    return proposer;
  }

  /**
   * Submits a transaction. The future completes with its receipt once its block is committed and
   * applied here, or fails with a {@link TransactionRejectedException} (refused: never proposed),
   * {@link NodeOverloadedException}, {@link NodeStoppingException} or {@link BlockCommitException}.
   * A transaction committed with a failed result completes normally: its receipt says why.
   */
  public CompletableFuture<Receipt> submit(SignedTransaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    if (stopped) {
      return CompletableFuture.failedFuture(stopping());
    }
    try {
      admission.check(transaction, chain, pending::contains, clock.instant());
    } catch (Rejection rejection) {
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

  /** How many of this node's transactions wait for their block. */
  public int pending() {
    return pending.size();
  }

  /**
   * A batch was applied here: completes this node's waiting transactions in it, with a receipt if
   * they are in the block and as replays if they were left out.
   */
  public void batchApplied(List<SignedTransaction> transactions, Optional<Block> block, List<BlockSeal> seals) {
    ProposalSlot slot = proposed;
    if (slot != null && slot.holds(transactions)) {
      slot.release(); // committed: the next batch need not wait for the log's answer
    }
    if (!closed.get()) {
      receipts.execute(() -> complete(transactions, block, seals));
    }
  }

  /**
   * The chain was replaced by a snapshot from the leader (this node was behind): completes the
   * waiting transactions the snapshot holds, which no batch applied here will ever announce.
   */
  public void chainReplaced() {
    if (closed.get()) {
      return;
    }
    receipts.execute(() -> {
      for (Digest id : pending.waiting()) {
        chain.locate(id).ifPresent(location -> pending.settle(id).ifPresent(entry ->
            Receipts.of(chain, id, chain.seals(location.height())).ifPresent(entry.future()::complete)));
      }
    });
  }

  private void complete(List<SignedTransaction> transactions, Optional<Block> block, List<BlockSeal> seals) {
    Optional<BlockReceipts> built = block.map(b -> new BlockReceipts(b, seals, Receipts.transitions(chain, b.height())));
    for (SignedTransaction tx : transactions) {
      pending.settle(tx.id()).ifPresent(entry -> built.flatMap(r -> r.of(tx.id())).ifPresentOrElse(
          entry.future()::complete,
          () -> entry.future().completeExceptionally(new TransactionRejectedException(RejectionCode.REPLAY,
              "transaction " + tx.id() + " is already on chain"))));
    }
  }

  private void run() {
    try {
      while (true) {
        List<PendingTransactions.Entry> batch = pending.nextBatch();
        if (batch.isEmpty()) {
          return;
        }
        ProposalSlot slot = ProposalSlot.take(inFlight, batch.get(0).transaction());
        proposed = slot;
        propose(batch, slot);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void propose(List<PendingTransactions.Entry> batch, ProposalSlot slot) {
    byte[] entry = LogEntryCodec.encode(new LogEntry.TransactionBatch(validator, clock.instant(),
        batch.stream().map(e -> e.transaction().encoded()).toList()));
    CompletableFuture<Void> replicated;
    try {
      replicated = replicator.replicate(entry);
    } catch (RuntimeException e) {
      replicated = CompletableFuture.failedFuture(e);
    }
    replicated.whenComplete((ok, failure) -> {
      slot.release();
      if (failure != null) {
        LOG.warn("a batch of {} transactions could not be replicated: {}", batch.size(), failure.getMessage());
        BlockCommitException error = new BlockCommitException("the transaction could not be replicated to the "
            + "validators; it may or may not be on chain: look it up by its id");
        receipts.execute(() -> batch.forEach(e -> pending.settle(e.transaction().id())
            .ifPresent(settled -> settled.future().completeExceptionally(error))));
      }
    });
  }

  /**
   * Stops: refuses new transactions, fails those still queued with a
   * {@link NodeStoppingException}, waits for receipts already due, and fails the transactions
   * proposed but not yet applied here (they may still be committed by the others). Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopped = true;
    NodeStoppingException stopping = new NodeStoppingException("the node is stopping; the transaction was not "
        + "committed");
    pending.close().forEach(entry -> entry.future().completeExceptionally(stopping));
    boolean interrupted = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      interrupted = true;
    }
    receipts.shutdown();
    try {
      if (!receipts.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("receipts were still being delivered when {} stopped", validator);
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    NodeStoppingException unknown = new NodeStoppingException("the node stopped before the transaction's block was "
        + "applied here; it may or may not be on chain: look it up by its id");
    pending.forgetAll().forEach(entry -> entry.future().completeExceptionally(unknown));
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static NodeStoppingException stopping() {
    return new NodeStoppingException("the node is stopping; the transaction was not accepted");
  }

  private Thread daemon(Runnable runnable, String role) {
    Thread t = new Thread(runnable, "medledger-" + validator + "-" + role);
    t.setDaemon(true);
    return t;
  }
}
