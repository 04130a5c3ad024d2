package org.medledger.ledger.receipt;

import java.util.List;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.merkle.InclusionProof;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Proof that a transaction was committed with a given result: the transaction and its result,
 * their Merkle inclusion proofs in the block, the block header, the validators' seals over it,
 * and the changes of the validator set between the genesis and the block (oldest first), so that
 * the seals can be checked against the set in force at the block. Checked offline against the
 * genesis file by {@link ReceiptVerifier}.
 */
public record Receipt(
    SignedTransaction transaction,
    TransactionResult result,
    InclusionProof transactionProof,
    InclusionProof resultProof,
    BlockHeader header,
    List<BlockSeal> seals,
    List<ValidatorTransition> transitions) {

  public Receipt {
    seals = List.copyOf(seals);
    transitions = List.copyOf(transitions);
  }

  /** A receipt of a block sealed by the genesis validators (no validator-set change before it). */
  public Receipt(SignedTransaction transaction, TransactionResult result, InclusionProof transactionProof,
      InclusionProof resultProof, BlockHeader header, List<BlockSeal> seals) {
    this(transaction, result, transactionProof, resultProof, header, seals, List.of());
  }

  public long height() {
    return header.height();
  }

  /** This receipt with other validator-set transitions. */
  public Receipt withTransitions(List<ValidatorTransition> transitions) {
    return new Receipt(transaction, result, transactionProof, resultProof, header, seals, transitions);
  }
}
