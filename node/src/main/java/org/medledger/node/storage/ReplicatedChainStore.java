package org.medledger.node.storage;

import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.state.StateChanges;

/**
 * A chain fed from a replicated log: each write also records the index of the log entry it comes
 * from, in the same atomic write, so that after a crash the node knows exactly which entries it
 * has applied and applies none twice.
 */
public interface ReplicatedChainStore extends MutableChain {
  /** The index of the last log entry whose effects are stored; -1 before the first. */
  long appliedIndex();

  /** {@link #append(Block, StateChanges)}, recording the log entry it comes from. */
  void append(Block block, StateChanges changes, long logIndex);

  /** {@link #addSeal(long, BlockSeal)}, recording the log entry it comes from. */
  void addSeal(long height, BlockSeal seal, long logIndex);

  /** Records that a log entry with no effect on the chain has been applied. */
  void markApplied(long logIndex);
}
