package org.medledger.ledger.receipt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.execution.BlockRoots;
import org.medledger.ledger.merkle.MerkleTree;

/**
 * The receipts of the transactions of one block, with the block's two Merkle trees built once for
 * all of them.
 */
public final class BlockReceipts {
  private final Block block;
  private final List<BlockSeal> seals;
  private final List<ValidatorTransition> transitions;
  private final MerkleTree transactions;
  private final MerkleTree results;
  private final Map<Digest, Integer> positions = new HashMap<>();

  /** Receipts without validator-set transitions (for a block sealed by the genesis validators). */
  public BlockReceipts(Block block, List<BlockSeal> seals) {
    this(block, seals, List.of());
  }

  /**
   * @param transitions the validator-set changes between the genesis and this block, oldest first
   *     (see {@link Receipts#transitions})
   */
  public BlockReceipts(Block block, List<BlockSeal> seals, List<ValidatorTransition> transitions) {
    this.block = block;
    this.seals = List.copyOf(seals);
    this.transitions = List.copyOf(transitions);
    this.transactions = BlockRoots.transactionsTree(block);
    this.results = BlockRoots.resultsTree(block);
    for (int i = 0; i < block.transactions().size(); i++) {
      positions.put(block.transactions().get(i).id(), i);
    }
  }

  /** The receipt of a transaction, if the block holds it. */
  public Optional<Receipt> of(Digest transactionId) {
    Integer index = positions.get(transactionId);
    return index == null ? Optional.empty() : Optional.of(at(index));
  }

  /** The receipt of the transaction at a position in the block. */
  public Receipt at(int index) {
    return new Receipt(block.transactions().get(index), block.results().get(index),
        transactions.inclusionProof(index), results.inclusionProof(index), block.header(), seals, transitions);
  }
}
