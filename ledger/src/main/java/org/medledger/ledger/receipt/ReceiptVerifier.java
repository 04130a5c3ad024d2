package org.medledger.ledger.receipt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.governance.ValidatorSet;
import org.medledger.ledger.merkle.MerkleHash;
import org.medledger.ledger.merkle.MerkleVerifier;
import org.medledger.ledger.merkle.VerificationResult;

/**
 * Checks a receipt offline with nothing but the genesis file: the Merkle proofs bind the
 * transaction and its result to the header, and seals of a quorum ({@link ValidatorSet#quorum()})
 * of the validators in force at the block bind the header. Never throws; every failure is a
 * result with a reason.
 *
 * <p>The validators in force are followed from the genesis set through the receipt's
 * {@linkplain Receipt#transitions() transitions}, in order: each must be a block of this chain
 * below the receipt's block (heights strictly increasing), final under the set in force before it
 * (distinct seals of a quorum of that set, each verifying over its header), and hold — proven by
 * a Merkle path to its results root — a successful result whose last
 * {@value GovernanceContract#VALIDATORS_CHANGED} event announces exactly the transition's set
 * (its digest) from the next block on. That set then checks the next transition, and finally the
 * receipt's own seals.
 *
 * <p>What an offline receipt proves: every set it uses was installed by a block that the set
 * before it made final, back to the genesis; so, as long as fewer validators than a quorum's
 * overlap of each set are faulty, the receipt's block was made final by validators who were
 * entitled to seal at some point. What it cannot prove: that the receipt names <em>every</em>
 * change up to its block. A node may leave out a later transition (the verifier then checks the
 * seals against an older set — which matters only if validators removed since then collude to
 * seal a conflicting block), and a block carrying several changes is represented by its last
 * announcement only. Only {@code verify-chain}, which replays the whole chain, rules that out.
 */
public final class ReceiptVerifier {
  private final Genesis genesis;
  private final ValidatorSet genesisValidators;

  /** @throws IllegalArgumentException if the genesis's validators are not a valid set */
  public ReceiptVerifier(Genesis genesis) {
    this.genesis = genesis;
    this.genesisValidators = ValidatorHistory.of(genesis).current();
  }

  /**
   * The outcome: valid, or the first check that failed.
   *
   * @param seals the distinct valid seals over the receipt's block (0 if not checked)
   * @param quorum the seals its block needed (0 if not checked)
   * @param transitions the heights of the blocks whose validator-set changes were followed
   */
  public record Outcome(boolean valid, String reason, int seals, int quorum, List<Long> transitions) {
    public Outcome {
      transitions = List.copyOf(transitions);
    }

    static Outcome invalid(String reason) {
      return new Outcome(false, reason, 0, 0, List.of());
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
    ValidatorSet current = genesisValidators;
    long previous = 0;
    List<Long> followed = new ArrayList<>();
    for (int i = 0; i < receipt.transitions().size(); i++) {
      ValidatorTransition transition = receipt.transitions().get(i);
      String problem = check(transition, current, previous, receipt.height());
      if (problem != null) {
        return Outcome.invalid("validator-set change " + (i + 1) + " of " + receipt.transitions().size()
            + " (block " + transition.height() + "): " + problem);
      }
      current = transition.validators();
      previous = transition.height();
      followed.add(previous);
    }
    return checkSeals(receipt, current, followed);
  }

  /** Why a transition does not follow from the set in force before it, or null if it does. */
  private String check(ValidatorTransition transition, ValidatorSet current, long previous, long receiptHeight) {
    BlockHeader header = transition.header();
    if (!header.chainId().equals(genesis.chainId())) {
      return "its block is of chain '" + header.chainId() + "', not '" + genesis.chainId() + "'";
    }
    if (header.height() <= previous) {
      return "out of order: it is not above " + (previous == 0 ? "the genesis block" : "the change before it (block "
          + previous + ")");
    }
    if (header.height() >= receiptHeight) {
      return "it is not below the receipt's block " + receiptHeight;
    }
    String seals = sealProblem(transition.seals(), header, current);
    if (seals != null) {
      return seals;
    }
    if (transition.resultProof().treeSize() != header.transactionCount()) {
      return "its result proof is for " + transition.resultProof().treeSize() + " results, the block holds "
          + header.transactionCount();
    }
    VerificationResult included = MerkleVerifier.verifyInclusionOfLeaf(LedgerCodec.encode(transition.result()),
        transition.resultProof(), MerkleHash.of(header.resultsRoot().toByteArray()));
    if (included != VerificationResult.VALID) {
      return "its result is not in the block (" + included + ")";
    }
    Optional<Event> announcement = Receipts.announcement(transition.result());
    if (announcement.isEmpty()) {
      return "its result is not a successful " + GovernanceContract.VALIDATORS_CHANGED + " announcement";
    }
    String digest = announcement.get().attributes().getOrDefault("digest", "");
    String announced = transition.validators().digest().hex();
    if (!digest.equals(announced)) {
      return "the block announces validator set " + shortly(digest) + ", the receipt carries "
          + shortly(announced);
    }
    String from = announcement.get().attributes().getOrDefault("from-height", "");
    long next = header.height() + 1;
    if (!from.equals(Long.toString(next)) || transition.validators().fromHeight() != next) {
      return "the new set must seal from block " + next + ", the block announces '" + from + "', the set says "
          + transition.validators().fromHeight();
    }
    return null;
  }

  private Outcome checkSeals(Receipt receipt, ValidatorSet validators, List<Long> followed) {
    String problem = sealProblem(receipt.seals(), receipt.header(), validators);
    int sealed = (int) receipt.seals().stream().map(BlockSeal::validator).distinct().count();
    if (problem != null) {
      return new Outcome(false, problem, problem.startsWith("only ") ? sealed : 0, validators.quorum(), followed);
    }
    String changes = followed.isEmpty() ? ""
        : "; validator set changed at block" + (followed.size() == 1 ? " " : "s ")
            + followed.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return new Outcome(true, "committed at height " + receipt.height() + ", sealed by " + sealed + " of "
        + validators.size() + " validators" + changes, sealed, validators.quorum(), followed);
  }

  /** Why these seals do not make the header final under this set, or null if they do. */
  private String sealProblem(List<BlockSeal> seals, BlockHeader header, ValidatorSet validators) {
    Set<String> sealed = new HashSet<>();
    for (BlockSeal seal : seals) {
      Optional<Verifier> verifier;
      try {
        verifier = validators.verifier(seal.validator());
      } catch (CryptoException e) {
        return "the key of validator " + seal.validator() + " is unusable";
      }
      if (verifier.isEmpty()) {
        return "a seal is signed by '" + seal.validator() + "', who is not a validator of " + which(validators);
      }
      if (!verifies(seal, verifier.get(), header)) {
        return "the seal of " + seal.validator() + " does not verify for this header";
      }
      sealed.add(seal.validator());
    }
    if (sealed.size() < validators.quorum()) {
      return "only " + sealed.size() + " of the " + validators.quorum() + " seals needed from " + which(validators);
    }
    return null;
  }

  private static String which(ValidatorSet validators) {
    return validators.fromHeight() == 0 ? "the genesis set"
        : "the set in force from block " + validators.fromHeight();
  }

  private static String shortly(String hex) {
    return hex.length() > 12 ? hex.substring(0, 12) + "…" : "'" + hex + "'";
  }

  private static boolean verifies(BlockSeal seal, Verifier verifier, BlockHeader header) {
    try {
      return seal.verify(verifier, header);
    } catch (CryptoException e) {
      return false;
    }
  }
}
