package org.medledger.node.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.execution.BlockRoots;
import org.medledger.ledger.merkle.MerkleTree;
import org.medledger.ledger.receipt.Receipt;

/**
 * The receipts of all transactions of one block. Builds the block's two Merkle trees once, where
 * {@code Receipts.of(block, index, seals)} rebuilds them for every index; the receipts are the
 * same.
 */
final class BlockReceipts {
  private final Block block;
  private final List<BlockSeal> seals;
  private final MerkleTree transactions;
  private final MerkleTree results;
  private final Map<Digest, Integer> positions = new HashMap<>();

  BlockReceipts(Block block, List<BlockSeal> seals) {
    this.block = block;
    this.seals = List.copyOf(seals);
    this.transactions = BlockRoots.transactionsTree(block);
    this.results = BlockRoots.resultsTree(block);
    for (int i = 0; i < block.transactions().size(); i++) {
      positions.put(block.transactions().get(i).id(), i);
    }
  }

  /** The receipt of a transaction, if the block holds it. */
  Optional<Receipt> of(Digest transactionId) {
    Integer index = positions.get(transactionId);
    if (index == null) {
      return Optional.empty();
    }
    return Optional.of(new Receipt(block.transactions().get(index), block.results().get(index),
        transactions.inclusionProof(index), results.inclusionProof(index), block.header(), seals));
  }
}
