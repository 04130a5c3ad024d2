package org.medledger.node.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.medledger.node.consensus.Finality;
import org.medledger.node.consensus.Validators;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.producer.Proposer;

/**
 * What the API serves: the node's chain (read only), where transactions are submitted, which
 * blocks are final, the consensus leader as this node knows it, the genesis of its network, and
 * the validator sets on chain.
 */
public record NodeLedger(ChainView chain, Proposer producer, Finality finality, Supplier<Optional<String>> leader,
    Genesis genesis, Validators validators) {
  public NodeLedger {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(finality, "finality");
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(validators, "validators");
  }

  /** The validators that seal the next blocks. */
  public List<String> currentValidators() {
    return validators.current().ids();
  }

  /** The number of seals that make the next blocks final. */
  public int quorum() {
    return validators.current().quorum();
  }

  /**
   * Whether a block is final: block 0 always (anyone derives it from the genesis file), any other
   * once seals of a quorum of distinct validators of the set in force at its height are known.
   */
  public boolean isFinal(long height, List<BlockSeal> seals) {
    return validators.isFinal(height, seals);
  }
}
