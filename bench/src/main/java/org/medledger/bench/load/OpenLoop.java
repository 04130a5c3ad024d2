package org.medledger.bench.load;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Transactions sent at a fixed rate whatever the node does: transaction {@code i} is due at
 * {@code start + i / rate}. Latency is measured from the time a transaction was due, not from when
 * it was actually sent, so that a stalled node cannot hide its delay (no coordinated omission).
 * At most {@code maxInFlight} transactions are outstanding; beyond that the schedule slips (and the
 * slip shows in the latencies).
 */
final class OpenLoop implements LoadPattern {
  private final double ratePerSecond;
  private final int maxInFlight;

  OpenLoop(double ratePerSecond, int maxInFlight) {
    if (ratePerSecond <= 0 || maxInFlight < 1) {
      throw new IllegalArgumentException("the rate and the in-flight limit must be positive");
    }
    this.ratePerSecond = ratePerSecond;
    this.maxInFlight = maxInFlight;
  }

  @Override
  public void run(List<SignedTransaction> transactions, Submission submission) throws InterruptedException {
    Semaphore inFlight = new Semaphore(maxInFlight);
    ExecutorService senders = Executors.newCachedThreadPool(runnable -> {
      Thread t = new Thread(runnable, "load-sender");
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    double intervalNanos = 1e9 / ratePerSecond;
    try {
      for (int i = 0; i < transactions.size(); i++) {
        long due = start + (long) (i * intervalNanos);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
          LockSupport.parkNanos(wait);
        }
        inFlight.acquire();
        int index = i;
        senders.execute(() -> {
          try {
            submission.submit(index, transactions.get(index), due);
          } finally {
            inFlight.release();
          }
        });
      }
    } finally {
      senders.shutdown();
      senders.awaitTermination(5, TimeUnit.MINUTES);
    }
  }

  @Override
  public String describe() {
    return String.format("open loop, %.0f tx/s offered (at most %d in flight)", ratePerSecond, maxInFlight);
  }
}
