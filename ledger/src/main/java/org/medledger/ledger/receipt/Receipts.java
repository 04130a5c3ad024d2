package org.medledger.ledger.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.execution.BlockRoots;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.governance.ValidatorSet;

/** Builds receipts from a chain. */
public final class Receipts {
  private Receipts() {}

  /**
   * The receipt of a committed transaction, with the seals known for its block and the
   * validator-set changes from the genesis up to its block (see {@link #transitions}).
   */
  public static Optional<Receipt> of(ChainView chain, Digest transactionId, List<BlockSeal> seals) {
    Optional<TransactionLocation> location = chain.locate(transactionId);
    if (location.isEmpty()) {
      return Optional.empty();
    }
    long height = location.get().height();
    Block block = chain.block(height).orElseThrow(() ->
        new IllegalStateException("block " + height + " is indexed but missing"));
    return Optional.of(new BlockReceipts(block, seals, transitions(chain, height)).at(location.get().index()));
  }

  /**
   * The receipt of the transaction at an index of a block, without validator-set transitions
   * (for many, use {@link BlockReceipts}).
   */
  public static Receipt of(Block block, int index, List<BlockSeal> seals) {
    return new BlockReceipts(block, seals).at(index);
  }

  /**
   * The validator-set changes that took effect at or below a height, oldest first, as the chain's
   * state records them: for each set after the genesis's, the block before the one it seals from
   * (the block that carried the change out), the seals known for it, and the result of that
   * block announcing the set (the last {@value GovernanceContract#VALIDATORS_CHANGED} event of the
   * block) with its inclusion proof. Empty for a chain that never changed its validators.
   *
   * @throws IllegalStateException if the chain's blocks do not hold a change its state records
   */
  public static List<ValidatorTransition> transitions(ChainView chain, long height) {
    Optional<ValidatorHistory> history = ValidatorHistory.read(chain.state());
    if (history.isEmpty()) {
      return List.of();
    }
    List<ValidatorTransition> transitions = new ArrayList<>();
    List<ValidatorSet> epochs = history.get().epochs();
    for (int i = 1; i < epochs.size() && epochs.get(i).fromHeight() <= height; i++) {
      transitions.add(transition(chain, epochs.get(i)));
    }
    return transitions;
  }

  private static ValidatorTransition transition(ChainView chain, ValidatorSet set) {
    long at = set.fromHeight() - 1;
    Block block = chain.block(at).orElseThrow(() -> new IllegalStateException("block " + at
        + ", which changed the validator set, is missing"));
    int index = -1;
    for (int i = 0; i < block.results().size(); i++) {
      if (announcement(block.results().get(i)).isPresent()) {
        index = i;
      }
    }
    if (index < 0) {
      throw new IllegalStateException("block " + at + " announces no change of the validator set");
    }
    TransactionResult result = block.results().get(index);
    String digest = announcement(result).orElseThrow().attributes().get("digest");
    if (!set.digest().hex().equals(digest)) {
      throw new IllegalStateException("block " + at + " announces another validator set than the state records");
    }
    return new ValidatorTransition(block.header(), chain.seals(at), result,
        BlockRoots.resultsTree(block).inclusionProof(index), set);
  }

  /** The last {@value GovernanceContract#VALIDATORS_CHANGED} event of a successful result. */
  static Optional<Event> announcement(TransactionResult result) {
    if (!result.success()) {
      return Optional.empty();
    }
    Event last = null;
    for (Event event : result.events()) {
      if (event.name().equals(GovernanceContract.VALIDATORS_CHANGED)) {
        last = event;
      }
    }
    return Optional.ofNullable(last);
  }
}
