package org.medledger.node.consensus;

import java.util.concurrent.CompletableFuture;

/** The validators' replicated log, as a node proposes to it. */
public interface Replicator {
  /**
   * Proposes an entry. The future completes once the group has committed the entry (this node
   * applies it in log order, possibly a little later), or fails if it could not be replicated —
   * in which case it may still have been committed.
   */
  CompletableFuture<Void> replicate(byte[] entry);
}
