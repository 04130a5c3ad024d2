package org.medledger.node.consensus;

import java.util.Collection;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.governance.ValidatorSet;

/**
 * The validator sets of this node's chain, as its head state has them: the set that seals each
 * height (seals are checked, and finality decided, against the set in force at the block's
 * height, which governance may change).
 */
public final class Validators {
  private final ChainView chain;

  private Validators(ChainView chain) {
    this.chain = chain;
  }

  /** The sets of this chain; its state must hold a validator history (block 0 writes it). */
  public static Validators of(ChainView chain) {
    Validators validators = new Validators(chain);
    validators.history();
    return validators;
  }

  /** The whole history, as of the chain's head (decoded again only when it changed). */
  public ValidatorHistory history() {
    return ValidatorHistory.read(chain.state()).orElseThrow(() ->
        new IllegalStateException("the chain's state holds no validator set"));
  }

  /** The set that seals the block at this height. */
  public ValidatorSet at(long height) {
    return history().at(height);
  }

  /** The latest set: the one that seals the next blocks. */
  public ValidatorSet current() {
    return history().current();
  }

  /** Whether these seals make the block at this height final (block 0 always is). */
  public boolean isFinal(long height, Collection<BlockSeal> seals) {
    return height == 0 || at(height).isFinal(seals);
  }
}
