package org.medledger.ledger.receipt;

import java.util.List;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.chain.TransactionLocation;

/** Builds receipts from a chain. */
public final class Receipts {
  private Receipts() {}

  /** The receipt of a committed transaction, with the seals known for its block. */
  public static Optional<Receipt> of(ChainView chain, Digest transactionId, List<BlockSeal> seals) {
    Optional<TransactionLocation> location = chain.locate(transactionId);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    Block block = chain.block(location.get().height()).orElseThrow(() ->
        new IllegalStateException("block " + location.get().height() + " is indexed but missing"));
    return Optional.of(of(block, location.get().index(), seals));
  }

  /** The receipt of the transaction at an index of a block (for many, use {@link BlockReceipts}). */
  public static Receipt of(Block block, int index, List<BlockSeal> seals) {
    return new BlockReceipts(block, seals).at(index);
  }
}
