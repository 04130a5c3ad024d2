package org.medledger.node.producer;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.ledger.Digest;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The place a proposed batch holds among the batches a proposer may have in flight, given back
 * once on the first sign that the log committed the batch: either this node applied it, or the
 * log answered the proposal.
 *
 * <p>Why both: Ratis answers a proposal only once the leader has applied the entry, while a
 * follower applies it as soon as it learns the commit index. On 4 validators in one JVM the
 * answer came 50–100 ms after the local apply for about half the batches (docs/PERFORMANCE.md,
 * issue 4), time in which the next batch sat ready but could not be proposed. A batch is
 * recognised by its first transaction: batches are applied with their transactions in proposed
 * order, and a transaction waits in at most one batch of this proposer.
 */
final class ProposalSlot {
  private final Semaphore slots;
  private final Digest first;
  private final AtomicBoolean released = new AtomicBoolean();

  private ProposalSlot(Semaphore slots, Digest first) {
    this.slots = slots;
    this.first = first;
  }

  /** Waits for a free slot and takes it for a batch starting with this transaction. */
  static ProposalSlot take(Semaphore slots, SignedTransaction first) throws InterruptedException {
    slots.acquire();
    return new ProposalSlot(slots, first.id());
  }

  /** Whether an applied batch (its transactions in order) is the one holding this slot. */
  boolean holds(List<SignedTransaction> applied) {
    return !applied.isEmpty() && applied.get(0).id().equals(first);
  }

  /** Gives the slot back; only the first call counts. */
  void release() {
    if (released.compareAndSet(false, true)) {
      slots.release();
    }
  }
}
