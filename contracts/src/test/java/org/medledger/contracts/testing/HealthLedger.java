package org.medledger.contracts.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medledger.contracts.HealthContracts;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.testing.InMemoryChain;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;

/**
 * A consortium's chain in memory running the consortium's contracts and {@link HealthContracts},
 * one block per call (as the ledger's TestLedger, which runs only the echo contract besides).
 */
public final class HealthLedger {
  private final TestConsortium consortium;
  private final InMemoryChain chain;
  private final BlockExecutor executor;
  private Instant clock = TestConsortium.GENESIS_TIME;

  public HealthLedger(TestConsortium consortium) {
    this.consortium = consortium;
    this.chain = InMemoryChain.startingWith(GenesisBlock.of(consortium.genesis()));
    IdentityDirectory identities = new IdentityDirectory();
    this.executor = new BlockExecutor(consortium.genesis().chainId(),
        ConsortiumContracts.of(consortium.genesis(), identities, HealthContracts.all()), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
  }

  public TestConsortium consortium() {
    return consortium;
  }

  public InMemoryChain chain() {
    return chain;
  }

  public StateView state() {
    return chain.state();
  }

  /** The time of the last block committed. */
  public Instant now() {
    return clock;
  }

  /** Executes and appends one block, a second after the previous one. */
  public ExecutedBlock commit(SignedTransaction... transactions) {
    return commitAt(clock.plus(Duration.ofSeconds(1)), transactions);
  }

  public ExecutedBlock commitAt(Instant time, SignedTransaction... transactions) {
    ExecutedBlock executed = executor.execute(chain, List.of(transactions), time, "validator-1");
    chain.append(executed);
    clock = executed.block().header().timestamp();
    return executed;
  }

  /** Re-executes every block of this chain, with the same transactions and times, on {@code other}. */
  public void replayOnto(HealthLedger other) {
    for (long height = 1; height <= chain.height(); height++) {
      Block block = chain.block(height).orElseThrow();
      other.commitAt(block.header().timestamp(), block.transactions().toArray(SignedTransaction[]::new));
    }
  }
}
