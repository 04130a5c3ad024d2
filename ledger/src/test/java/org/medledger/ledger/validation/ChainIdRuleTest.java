package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;

class ChainIdRuleTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.ChainId rule = new Rules.ChainId();
  private final Member alice = fixture.physician();

  @Test
  void aTransactionForThisChainPasses() {
    fixture.assertPasses(rule, ValidationFixture.echo(alice));
  }

  @Test
  void aTransactionForAnotherChainIsRejected() {
    SignedTransaction tx = alice.signer("medledger-prod").sign(EchoContract.ECHO, ValidationFixture.bytes("hello"));
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.WRONG_CHAIN);
    assertThat(rejection.getMessage()).contains("medledger-prod");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "MEDLEDGER-TEST", "medledger-test ", " medledger-test", "medledger-tes", "medledger-test2"})
  void onlyTheExactChainIdIsAccepted(String chainId) {
    assertThat(chainId).isNotEqualTo(TestConsortium.CHAIN_ID);
    SignedTransaction tx = alice.signer(chainId).sign(EchoContract.ECHO, ValidationFixture.bytes("hello"));
    fixture.assertRejected(rule, tx, RejectionCode.WRONG_CHAIN);
  }
}
