package org.medledger.ledger.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;

/**
 * A consortium's chain in memory with the consortium's contracts (identity, governance) and, by
 * default, the echo contract; one block per call.
 */
public final class TestLedger {
  private final TestConsortium consortium;
  private final InMemoryChain chain;
  private final BlockExecutor executor;
  private Instant clock = TestConsortium.GENESIS_TIME;

  public TestLedger(TestConsortium consortium) {
    this(consortium, List.of(new EchoContract()));
  }

  /** With these contracts besides identity and governance. */
  public TestLedger(TestConsortium consortium, List<Contract> others) {
    this.consortium = consortium;
    this.chain = InMemoryChain.startingWith(GenesisBlock.of(consortium.genesis()));
    IdentityDirectory identities = new IdentityDirectory();
    this.executor = new BlockExecutor(consortium.genesis().chainId(),
        ConsortiumContracts.of(consortium.genesis(), identities, others), identities,
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
  public void replayOnto(TestLedger other) {
    for (long height = 1; height <= chain.height(); height++) {
      Block block = chain.block(height).orElseThrow();
      other.commitAt(block.header().timestamp(), block.transactions().toArray(SignedTransaction[]::new));
    }
  }
}
