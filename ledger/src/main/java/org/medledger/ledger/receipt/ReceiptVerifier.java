package org.medledger.ledger.receipt;

import java.security.PublicKey;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.merkle.MerkleHash;
import org.medledger.ledger.merkle.MerkleVerifier;
import org.medledger.ledger.merkle.VerificationResult;

/**
 * Checks a receipt offline with nothing but the genesis file: the Merkle proofs bind the
 * transaction and its result to the header, and seals of a quorum of the validators bind the
 * header. Never throws; every failure is a result with a reason.
 */
public final class ReceiptVerifier {
  private final Genesis genesis;
  private final Map<String, PublicKey> validators = new TreeMap<>();

  public ReceiptVerifier(Genesis genesis) {
    this.genesis = genesis;
    for (Genesis.Validator validator : genesis.validators()) {
      validators.put(validator.id(), validator.identity().getPublicKey());
    }
  }

  /** The outcome: valid, or the first check that failed. */
  public record Outcome(boolean valid, String reason, int seals, int quorum) {
    static Outcome invalid(String reason) {
      return new Outcome(false, reason, 0, 0);
    }
  }

  public Outcome verify(Receipt receipt) {
    if (!receipt.header().chainId().equals(genesis.chainId())) {
      return Outcome.invalid("the receipt is for chain '" + receipt.header().chainId() + "', not '" + genesis.chainId() + "'");
    }
    if (!receipt.result().transactionId().equals(receipt.transaction().id())) {
      return Outcome.invalid("the result belongs to another transaction");
    }
    long count = receipt.header().transactionCount();
    if (receipt.transactionProof().treeSize() != count || receipt.resultProof().treeSize() != count
        || receipt.transactionProof().leafIndex() != receipt.resultProof().leafIndex()) {
      return Outcome.invalid("the proofs do not match the block's transaction count or each other");
    }
    VerificationResult tx = MerkleVerifier.verifyInclusionOfLeaf(receipt.transaction().encoded(),
        receipt.transactionProof(), MerkleHash.of(receipt.header().transactionsRoot().toByteArray()));
    if (tx != VerificationResult.VALID) {
      return Outcome.invalid("the transaction is not in the block (" + tx + ")");
    }
    VerificationResult result = MerkleVerifier.verifyInclusionOfLeaf(LedgerCodec.encode(receipt.result()),
        receipt.resultProof(), MerkleHash.of(receipt.header().resultsRoot().toByteArray()));
    if (result != VerificationResult.VALID) {
      return Outcome.invalid("the result is not the one committed in the block (" + result + ")");
    }
    return checkSeals(receipt);
  }

  private Outcome checkSeals(Receipt receipt) {
    int quorum = BlockSeal.quorum(validators.size());
    Set<String> sealed = new HashSet<>();
    for (BlockSeal seal : receipt.seals()) {
      PublicKey key = validators.get(seal.validator());
      if (key == null) {
        return Outcome.invalid("a seal is signed by '" + seal.validator() + "', who is not a validator");
      }
      if (!verifies(seal, key, receipt)) {
        return Outcome.invalid("the seal of " + seal.validator() + " does not verify for this header");
      }
      sealed.add(seal.validator());
    }
    if (sealed.size() < quorum) {
      return new Outcome(false, "only " + sealed.size() + " of the " + quorum + " seals needed", sealed.size(), quorum);
    }
    return new Outcome(true, "committed at height " + receipt.height() + ", sealed by " + sealed.size() + " of "
        + validators.size() + " validators", sealed.size(), quorum);
  }

  private static boolean verifies(BlockSeal seal, PublicKey key, Receipt receipt) {
    try {
      return seal.verify(SignatureScheme.of(key).verifier(key), receipt.header());
    } catch (CryptoException e) {
      return false;
    }
  }
}
