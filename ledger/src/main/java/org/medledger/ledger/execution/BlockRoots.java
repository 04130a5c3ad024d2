package org.medledger.ledger.execution;

import java.util.List;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.merkle.MerkleHash;
import org.medledger.ledger.merkle.MerkleTree;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The Merkle trees of a block: over the canonical encodings of its transactions and of its
 * results, in block order (RFC 6962 leaves).
 */
public final class BlockRoots {
  private BlockRoots() {}

  public static MerkleTree transactionsTree(List<SignedTransaction> transactions) {
    return MerkleTree.ofLeaves(transactions.stream().map(SignedTransaction::encoded).toList());
  }

  public static MerkleTree resultsTree(List<TransactionResult> results) {
    return MerkleTree.ofLeaves(results.stream().map(LedgerCodec::encode).toList());
  }

  public static MerkleTree transactionsTree(Block block) {
    return transactionsTree(block.transactions());
  }

  public static MerkleTree resultsTree(Block block) {
    return resultsTree(block.results());
  }

  public static Digest digest(MerkleHash hash) {
    return Digest.of(hash.toByteArray());
  }

  public static MerkleHash merkle(Digest digest) {
    return MerkleHash.of(digest.toByteArray());
  }
}
