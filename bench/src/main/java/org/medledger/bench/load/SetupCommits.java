package org.medledger.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.client.sdk.NodeException;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Commits the set-up transactions of a workload through the nodes' API, one step at a time: every
 * transaction of a step is submitted at once (round-robin over the nodes) and must commit with a
 * successful result; then every node must reach the height of the step's last block, so that the
 * next step (which depends on this one) is admitted by whichever node receives it.
 */
final class SetupCommits {
  private static final int MAX_PARALLEL = 64;
  private static final Duration CATCH_UP = Duration.ofSeconds(60);

  private final Targets targets;

  SetupCommits(Targets targets) {
    this.targets = targets;
  }

  /** Commits every transaction; returns the height of the last block that holds one of them. */
  long commitAll(String step, List<SignedTransaction> transactions) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL, transactions.size())));
    long height = 0;
    try {
      List<Future<CommittedTransaction>> pending = new ArrayList<>();
      for (SignedTransaction transaction : transactions) {
        NodeClient node = targets.next();
        pending.add(threads.submit(() -> node.submit(transaction)));
      }
      for (Future<CommittedTransaction> future : pending) {
        CommittedTransaction committed = result(step, future);
        if (!committed.success()) {
          throw new IllegalStateException("set-up step '" + step + "': the chain refused a "
              + committed.receipt().transaction().body().type() + " transaction: "
              + committed.receipt().result().code() + ": " + committed.receipt().result().message());
        }
        height = Math.max(height, committed.receipt().height());
      }
    } finally {
      threads.shutdownNow();
    }
    awaitHeight(height);
    return height;
  }

  private static CommittedTransaction result(String step, Future<CommittedTransaction> future)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String detail = cause instanceof NodeException node ? node.code() + ": " + node.getMessage()
          : String.valueOf(cause);
      throw new IllegalStateException("set-up step '" + step + "': a transaction was not committed: " + detail, cause);
    }
  }

  /** Waits until every node has applied the block at {@code height}. */
  void awaitHeight(long height) throws InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    for (NodeClient node : targets.all()) {
      while (node.status().path("height").asLong() < height) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(node.base() + " did not reach block " + height + " within " + CATCH_UP);
        }
        Thread.sleep(20);
      }
    }
  }
}
