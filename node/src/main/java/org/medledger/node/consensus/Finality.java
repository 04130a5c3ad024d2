package org.medledger.node.consensus;

import java.util.concurrent.CompletableFuture;

/** Which blocks are final (sealed by 2f+1 validators), and waiting for one to be. */
public interface Finality {
  /** Completes once the block at this height is final. */
  CompletableFuture<Void> of(long height);

  /** The highest final block this node knows of (0, the genesis block, at least). */
  long finalHeight();
}
