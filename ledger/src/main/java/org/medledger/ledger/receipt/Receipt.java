package org.medledger.ledger.receipt;

import java.util.List;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.merkle.InclusionProof;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Proof that a transaction was committed with a given result: the transaction and its result,
 * their Merkle inclusion proofs in the block, the block header, and the validators' seals over
 * it. Checked offline against the genesis file by {@link ReceiptVerifier}.
 */
public record Receipt(
    SignedTransaction transaction,
    TransactionResult result,
    InclusionProof transactionProof,
    InclusionProof resultProof,
    BlockHeader header,
    List<BlockSeal> seals) {

  public Receipt {
    seals = List.copyOf(seals);
  }

  public long height() {
    return header.height();
  }
}
