package org.medledger.node.producer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.medledger.ledger.Digest;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.config.NodeConfig;

/**
 * Transactions waiting for a block, in arrival order, bounded. A batch is due when
 * {@code maxTransactions} wait or the oldest has waited {@code maxDelayMillis}. A transaction
 * stays known by id from {@link #offer} until {@link #settled}, so that a copy sent meanwhile is
 * recognised as a replay. Thread-safe.
 */
final class PendingTransactions {
  /** A waiting transaction and the future its submitter holds. */
  record Entry(SignedTransaction transaction, CompletableFuture<Receipt> future, long arrivedNanos) {}

  /** What became of an offer. */
  enum Offer { ACCEPTED, DUPLICATE, FULL, CLOSED }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  /** Queued, or in the batch being committed. */
  private final Map<Digest, Entry> known = new HashMap<>();
  private final int maxTransactions;
  private final long maxDelayNanos;
  private final int capacity;
  private boolean closed;

  PendingTransactions(NodeConfig.Batch batch, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the pending capacity must be positive");
    }
    this.maxTransactions = batch.maxTransactions();
    this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(batch.maxDelayMillis());
    this.capacity = capacity;
  }

  Offer offer(Entry entry) {
    lock.lock();
    try {
      if (closed) {
        return Offer.CLOSED;
      }
      Digest id = entry.transaction().id();
      if (known.containsKey(id)) {
        return Offer.DUPLICATE;
      }
      if (known.size() >= capacity) {
        return Offer.FULL;
      }
      known.put(id, entry);
      queue.addLast(entry);
      if (queue.size() == 1 || queue.size() >= maxTransactions) {
        changed.signalAll();
      }
      return Offer.ACCEPTED;
    } finally {
      lock.unlock();
    }
  }

  boolean contains(Digest id) {
    lock.lock();
    try {
      return known.containsKey(id);
    } finally {
      lock.unlock();
    }
  }

  /** Transactions not yet settled: waiting, or in the block being committed. */
  int size() {
    lock.lock();
    try {
      return known.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a batch is due and takes it (at most {@code maxTransactions}, oldest first); an
   * empty list once closed.
   */
  List<Entry> nextBatch() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        while (queue.isEmpty() && !closed) {
          changed.await();
        }
        long deadline = closed ? 0 : queue.peekFirst().arrivedNanos() + maxDelayNanos;
        while (!closed && queue.size() < maxTransactions) {
          long wait = deadline - System.nanoTime();
          if (wait <= 0) {
            break;
          }
          changed.awaitNanos(wait);
        }
        if (closed) {
          return List.of();
        }
        List<Entry> batch = new ArrayList<>(Math.min(queue.size(), maxTransactions));
        while (!queue.isEmpty() && batch.size() < maxTransactions) {
          Entry next = queue.pollFirst();
          if (known.get(next.transaction().id()) == next) { // else settled meanwhile: committed through another node
            batch.add(next);
          }
        }
        if (!batch.isEmpty()) {
          return batch;
        }
      }
    } finally {
      lock.unlock();
    }
  }


  /** Forgets one transaction and hands back its entry, if it was still known. */
  /** The ids of every transaction waiting here, queued or proposed. */
  List<Digest> waiting() {
    lock.lock();
    try {
      return List.copyOf(known.keySet());
    } finally {
      lock.unlock();
    }
  }

  java.util.Optional<Entry> settle(Digest id) {
    lock.lock();
    try {
      return java.util.Optional.ofNullable(known.remove(id));
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every transaction still known (queued or proposed) and hands back their entries. */
  List<Entry> forgetAll() {
    lock.lock();
    try {
      List<Entry> all = new ArrayList<>(known.values());
      known.clear();
      queue.clear();
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a batch's transactions: they are on chain now (or failed). */
  void settled(List<Entry> batch) {
    lock.lock();
    try {
      for (Entry entry : batch) {
        known.remove(entry.transaction().id());
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Refuses further offers, wakes the waiting producer and hands back every transaction still
   * queued (not those of a batch already taken); idempotent.
   */
  List<Entry> close() {
    lock.lock();
    try {
      closed = true;
      List<Entry> waiting = new ArrayList<>(queue);
      queue.clear();
      for (Entry entry : waiting) {
        known.remove(entry.transaction().id());
      }
      changed.signalAll();
      return waiting;
    } finally {
      lock.unlock();
    }
  }
}
