package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.echo;

import org.junit.jupiter.api.Test;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;

class SizeRuleTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.Size rule = new Rules.Size();
  private final Member alice = fixture.physician();

  @Test
  void aTransactionOfExactlyTheLimitPasses() {
    SignedTransaction tx = echo(alice);
    fixture.maxTransactionBytes(tx.encodedLength());
    fixture.assertPasses(rule, tx);
  }

  @Test
  void aTransactionOneByteOverTheLimitIsRejected() {
    SignedTransaction tx = echo(alice);
    fixture.maxTransactionBytes(tx.encodedLength() - 1);
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.TOO_LARGE);
    assertThat(rejection.getMessage())
        .contains(String.valueOf(tx.encodedLength()))
        .contains(String.valueOf(tx.encodedLength() - 1));
  }

  @Test
  void theLimitCountsTheWholeSignedEncodingNotJustThePayload() {
    byte[] payload = new byte[100];
    SignedTransaction tx = alice.signer().sign(EchoContract.ECHO, payload);
    fixture.maxTransactionBytes(payload.length + 10);
    fixture.assertRejected(rule, tx, RejectionCode.TOO_LARGE);
  }

  @Test
  void theDefaultLimitIsOneMebibyte() {
    assertThat(ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES).isEqualTo(1024 * 1024);
    fixture.assertPasses(rule, alice.signer().sign(EchoContract.ECHO, new byte[1024 * 1024 - 1024]));
    fixture.assertRejected(rule, alice.signer().sign(EchoContract.ECHO, new byte[1024 * 1024]), RejectionCode.TOO_LARGE);
  }

  @Test
  void theRejectionIdIsTooLarge() {
    assertThat(RejectionCode.TOO_LARGE.id()).isEqualTo("too-large");
  }
}
