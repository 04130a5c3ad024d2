package org.medledger.ledger.receipt;

import java.util.List;
import java.util.Objects;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorSet;
import org.medledger.ledger.merkle.InclusionProof;

/**
 * One change of the validator set, as a receipt carries it so that it can be followed offline: the
 * header of the block that carried the change out, the seals over it (by the set in force before
 * the change), the result of the transaction that made it — announcing the new set with a
 * {@value GovernanceContract#VALIDATORS_CHANGED} event — with its Merkle inclusion proof in that
 * block, and the new set itself (which seals from the next block on).
 */
public record ValidatorTransition(
    BlockHeader header,
    List<BlockSeal> seals,
    TransactionResult result,
    InclusionProof resultProof,
    ValidatorSet validators) {

  public ValidatorTransition {
    Objects.requireNonNull(header, "header");
    seals = List.copyOf(seals);
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(resultProof, "resultProof");
    Objects.requireNonNull(validators, "validators");
  }

  /** The height of the block that carried the change out. */
  public long height() {
    return header.height();
  }
}
