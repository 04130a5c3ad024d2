package org.medledger.node.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.medledger.node.consensus.Finality;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.producer.Proposer;

/**
 * What the API serves: the node's chain (read only), where transactions are submitted, which
 * blocks are final, the consensus leader as this node knows it, and the genesis of its network
 * (chain id and validators).
 */
public record NodeLedger(
    ChainView chain, Proposer producer, Finality finality, Supplier<Optional<String>> leader, Genesis genesis) {
  public NodeLedger {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(finality, "finality");
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(genesis, "genesis");
  }

  public List<String> validators() {
    return genesis.validators().stream().map(Genesis.Validator::id).toList();
  }

  /** The number of seals that make a block final. */
  public int quorum() {
    return BlockSeal.quorum(genesis.validators().size());
  }

  /**
   * Whether a block is final: block 0 always (anyone derives it from the genesis file), any other
   * once seals of a quorum of distinct validators of the genesis are known.
   */
  public boolean isFinal(long height, List<BlockSeal> seals) {
    if (height == 0) {
      return true;
    }
    List<String> validators = validators();
    long sealed = seals.stream().map(BlockSeal::validator).filter(validators::contains).distinct().count();
    return sealed >= quorum();
  }
}
