package org.medledger.node.consensus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.producer.Proposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node does as its chain grows from the log: completes its clients' transactions,
 * seals every new block, and reports refused seals (kept, the latest {@value #KEPT_REPORTS}, for
 * the status page).
 */
public final class NodeEvents implements AppliedListener, Finality {
  private static final int KEPT_REPORTS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(NodeEvents.class);

  /** A refused seal: who, for which block, why. */
  public record SealReport(long height, String validator, String reason) {}

  private final ChainView chain;
  private final Validators validators;
  private final Deque<SealReport> rejected = new ArrayDeque<>();
  /** Futures waiting for a block to become final, by height. */
  private final java.util.Map<Long, List<java.util.concurrent.CompletableFuture<Void>>> awaitingFinality =
      new java.util.HashMap<>();
  private volatile long finalHeight;
  private volatile Proposer proposer;
  private volatile Sealer sealer;

  public NodeEvents(ChainView chain, Validators validators) {
    this.chain = chain;
    this.validators = validators;
    this.finalHeight = latestFinal(chain, validators);
  }

  /** The latest final block of a stored chain: at most a few blocks below its head. */
  private static long latestFinal(ChainView chain, Validators validators) {
    long height = chain.height();
    while (height > 0 && !validators.isFinal(height, chain.seals(height))) {
      height--;
    }
    return Math.max(height, 0);
  }

  @Override
  public long finalHeight() {
    return finalHeight;
  }

  /** Completes once seals of a quorum of validators over the block at this height are on chain. */
  @Override
  public java.util.concurrent.CompletableFuture<Void> of(long height) {
    java.util.concurrent.CompletableFuture<Void> future = new java.util.concurrent.CompletableFuture<>();
    synchronized (awaitingFinality) {
      awaitingFinality.computeIfAbsent(height, h -> new java.util.ArrayList<>()).add(future);
    }
    if (validators.isFinal(height, chain.seals(height))) {
      completeFinality(height);
    }
    return future;
  }

  private void completeFinality(long height) {
    List<java.util.concurrent.CompletableFuture<Void>> waiting;
    synchronized (awaitingFinality) {
      waiting = awaitingFinality.remove(height);
    }
    if (waiting != null) {
      waiting.forEach(f -> f.complete(null));
    }
  }

  /** Connects the parts that need the replicated log themselves; before that, nothing is sealed or answered. */
  public void connect(Proposer proposer, Sealer sealer) {
    this.proposer = proposer;
    this.sealer = sealer;
  }

  /**
   * Seals the new block and answers this node's clients. A failure here never fails the apply:
   * the block is on chain whatever happens to the answers.
   */
  @Override
  public void batchApplied(List<SignedTransaction> transactions, Optional<Block> block) {
    Sealer s = sealer;
    Proposer p = proposer;
    try {
      if (s != null) {
        block.ifPresent(s::seal);
      }
      if (p != null) {
        p.batchApplied(transactions, block, block.map(b -> chain.seals(b.height())).orElse(List.of()));
      }
    } catch (RuntimeException e) {
      LOG.warn("after applying a batch{}: {}", block.map(b -> " (block " + b.height() + ")").orElse(""),
          e.toString());
    }
  }

  @Override
  public void sealAdded(long height, BlockSeal seal, List<BlockSeal> seals) {
    if (validators.isFinal(height, seals)) {
      if (height > finalHeight) {
        finalHeight = height;
      }
      completeFinality(height);
    }
  }

  /** After a snapshot install: finality and this node's waiting clients catch up with the new chain. */
  @Override
  public void chainReplaced() {
    finalHeight = Math.max(finalHeight, latestFinal(chain, validators));
    List<Long> heights;
    synchronized (awaitingFinality) {
      heights = List.copyOf(awaitingFinality.keySet());
    }
    heights.stream().filter(h -> h <= chain.height() && validators.isFinal(h, chain.seals(h)))
        .forEach(this::completeFinality);
    Proposer p = proposer;
    if (p != null) {
      p.chainReplaced();
    }
  }

  @Override
  public void sealRejected(long height, String validator, String reason) {
    LOG.warn("refused the seal of {} over block {}: {}", validator, height, reason);
    synchronized (rejected) {
      if (rejected.size() == KEPT_REPORTS) {
        rejected.removeFirst();
      }
      rejected.addLast(new SealReport(height, validator, reason));
    }
  }

  /** The latest refused seals, oldest first. */
  public List<SealReport> rejectedSeals() {
    synchronized (rejected) {
      return List.copyOf(rejected);
    }
  }
}
