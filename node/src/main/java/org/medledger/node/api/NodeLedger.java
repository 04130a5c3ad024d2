package org.medledger.node.api;

import java.util.List;
import java.util.Objects;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.producer.BlockProducer;

/**
 * What the API serves: the node's chain (read only), its block producer (to submit) and the
 * genesis of its network (chain id and validators).
 */
public record NodeLedger(ChainView chain, BlockProducer producer, Genesis genesis) {
  public NodeLedger {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(genesis, "genesis");
  }

  public List<String> validators() {
    return genesis.validators().stream().map(Genesis.Validator::id).toList();
  }

  /** The number of seals that make a block final. */
  public int quorum() {
    return BlockSeal.quorum(genesis.validators().size());
  }

  /** Whether seals of a quorum of distinct validators of the genesis are known. */
  public boolean isFinal(List<BlockSeal> seals) {
    List<String> validators = validators();
    long sealed = seals.stream().map(BlockSeal::validator).filter(validators::contains).distinct().count();
    return sealed >= quorum();
  }
}
