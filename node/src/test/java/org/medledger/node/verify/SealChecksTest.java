package org.medledger.node.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.testing.TestConsortium;

/** Seal checks started ahead against one validator set and used only if that set is still in force. */
class SealChecksTest {
  private static final TestConsortium CONSORTIUM = TestConsortium.of(List.of("st-mary", "city-clinic"), 2);
  private final ForkJoinPool pool = new ForkJoinPool(2);
  private final ValidatorHistory genesis = ValidatorHistory.of(CONSORTIUM.genesis());
  private final BlockHeader header = new BlockHeader(TestConsortium.CHAIN_ID, 7,
      org.medledger.ledger.Digest.ZERO, org.medledger.ledger.Digest.ZERO, 0, org.medledger.ledger.Digest.ZERO,
      org.medledger.ledger.Digest.ZERO, TestConsortium.GENESIS_TIME, "validator-1");
  private final List<BlockSeal> seals = List.of(
      BlockSeal.sign("validator-1", CONSORTIUM.validators().get(0).signing(), header),
      BlockSeal.sign("validator-2", CONSORTIUM.validators().get(1).signing(), header));

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void checksStartedWithTheSetInForceAreUsed() {
    SealChecks checks = SealChecks.start(header, seals, genesis.at(7), pool);

    assertThat(checks.check(genesis)).isNull();
    assertThat(checks.count()).isEqualTo(2);
  }

  @Test
  void checksStartedBeforeAChangeOfTheSetAreMadeAgainWithTheSetInForce() {
    SealChecks checks = SealChecks.start(header, seals, genesis.at(7), pool); // validator-2 still in it
    ValidatorHistory changed = genesis.then(genesis.current().without("validator-2", 7));

    Finding finding = checks.check(changed);

    assertThat(finding).isEqualTo(new Finding(7, "a seal over block 7 is by 'validator-2', who is not a validator "
        + "at block 7 (it left the validator set at block 7)"));
  }

  @Test
  void aChangeFromALaterHeightDoesNotConcernTheBlock() {
    SealChecks checks = SealChecks.start(header, seals, genesis.at(7), pool);
    ValidatorHistory later = genesis.then(genesis.current().without("validator-2", 8));

    assertThat(checks.check(later)).isNull();
  }
}
