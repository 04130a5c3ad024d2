package org.medledger.ledger.chain;

import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.state.StateChanges;

/** A chain that grows: each block is stored with its state changes, atomically. */
public interface MutableChain extends ChainView, AutoCloseable {
  /**
   * Appends the next block and applies its state changes in one atomic write: after a crash the
   * chain holds either both or neither.
   *
   * @throws IllegalStateException if the block's height is not {@code height() + 1} or it does not
   *     link to the current head
   */
  void append(Block block, StateChanges changes);

  /**
   * Stores a validator's seal over a committed block's header (the caller has checked it); a
   * second seal by the same validator replaces the first.
   */
  void addSeal(long height, BlockSeal seal);

  @Override
  void close();
}
