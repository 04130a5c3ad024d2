package org.medledger.ledger.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;

/**
 * A consortium's chain in memory with the consortium's contracts (identity, governance) and the
 * echo contract, one block per call.
 */
public final class TestLedger {
  private final TestConsortium consortium;
  private final InMemoryChain chain;
  private final BlockExecutor executor;
  private Instant clock = TestConsortium.GENESIS_TIME;

  public TestLedger(TestConsortium consortium) {
    this.consortium = consortium;
    this.chain = InMemoryChain.startingWith(GenesisBlock.of(consortium.genesis()));
    IdentityDirectory identities = new IdentityDirectory();
    this.executor = new BlockExecutor(consortium.genesis().chainId(),
        ConsortiumContracts.of(consortium.genesis(), identities, List.of(new EchoContract())), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
  }

  public TestConsortium consortium() {
    return consortium;
  }

  public InMemoryChain chain() {
    return chain;
  }

  /** Executes and appends one block, a second after the previous one. */
  public ExecutedBlock commit(SignedTransaction... transactions) {
    clock = clock.plus(Duration.ofSeconds(1));
    return commitAt(clock, transactions);
  }

  public ExecutedBlock commitAt(Instant time, SignedTransaction... transactions) {
    ExecutedBlock executed = executor.execute(chain, List.of(transactions), time, "validator-1");
    chain.append(executed);
    return executed;
  }
}
