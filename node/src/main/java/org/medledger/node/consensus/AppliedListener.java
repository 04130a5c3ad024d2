package org.medledger.node.consensus;

import java.util.List;
import java.util.Optional;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * What a node does when its chain grows from the log: answer waiting clients, seal new blocks,
 * report misbehaviour. Called on the applying thread, in log order; implementations hand slow
 * work to other threads.
 */
public interface AppliedListener {
  /**
   * A batch was applied: its well-formed transactions (decoded once, in the batch's order) and
   * the block it became, or none if none of them could go into a block (all replays).
   */
  void batchApplied(List<SignedTransaction> transactions, Optional<Block> block);

  /** A valid seal was added; {@code seals} are all the block's seals now. */
  void sealAdded(long height, BlockSeal seal, List<BlockSeal> seals);

  /** A seal was refused: a validator sealed a header other than the block at that height, or sent a bad seal. */
  void sealRejected(long height, String validator, String reason);

  /**
   * The chain was replaced by a snapshot installed from the leader: blocks and seals arrived
   * without being applied here one by one.
   */
  void chainReplaced();
}
