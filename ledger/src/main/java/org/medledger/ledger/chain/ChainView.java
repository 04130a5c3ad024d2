package org.medledger.ledger.chain;

import java.util.List;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.state.StateView;

/** Read access to a node's chain: blocks, the transaction index and the world state at the head. */
public interface ChainView {
  /** The height of the last committed block, or -1 before the genesis block. */
  long height();

  Optional<Block> block(long height);

  Optional<BlockHeader> header(long height);

  Optional<TransactionLocation> locate(Digest transactionId);

  /** The validators' seals known for a block, in validator order. Seals are not part of the block. */
  List<BlockSeal> seals(long height);

  /** The world state after the last committed block. */
  StateView state();
}
