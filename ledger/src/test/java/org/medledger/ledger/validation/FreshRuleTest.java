package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.echo;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;

class FreshRuleTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.Fresh rule = new Rules.Fresh();
  private final Member alice = fixture.physician();

  @Test
  void aTransactionNotYetOnChainPasses() {
    fixture.assertPasses(rule, echo(alice));
  }

  @Test
  void aReplayIsRejected() {
    SignedTransaction tx = echo(alice);
    fixture.committed(Set.of(tx.id())::contains);
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.REPLAY);
    assertThat(rejection.getMessage()).contains(tx.id().hex());
  }

  @Test
  void theSamePayloadSignedAgainIsANewTransaction() {
    SignedTransaction first = echo(alice);
    SignedTransaction second = echo(alice);
    fixture.committed(Set.of(first.id())::contains);
    fixture.assertPasses(rule, second);
  }

  @Test
  void theRuleAsksTheCommittedPredicateAboutThisTransactionsId() {
    SignedTransaction tx = echo(alice);
    Set<Digest> asked = new HashSet<>();
    fixture.committed(id -> {
      asked.add(id);
      return false;
    });
    fixture.assertPasses(rule, tx);
    assertThat(asked).containsExactly(tx.id());
  }
}
