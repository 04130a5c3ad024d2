package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.bytes;
import static org.medledger.ledger.validation.ValidationFixture.echo;
import static org.medledger.ledger.validation.ValidationFixture.flipped;
import static org.medledger.ledger.validation.ValidationFixture.withSignature;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** The rules run cheap checks first and the signature (the expensive one) last. */
class RulesOrderTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Member alice = fixture.physician();

  /** Runs the rules in order, as a validator does; the first rejection, if any. */
  private Optional<Rejection> firstRejection(SignedTransaction tx) {
    ValidationContext context = fixture.context();
    for (TransactionRule rule : Rules.all()) {
      try {
        rule.check(tx, context);
      } catch (Rejection rejection) {
        return Optional.of(rejection);
      }
    }
    return Optional.empty();
  }

  @Test
  void theRulesRunInTheDocumentedOrder() {
    assertThat(Rules.all()).extracting(Object::getClass).containsExactly(
        Rules.Size.class, Rules.ChainId.class, Rules.PayloadWellFormed.class, Rules.Fresh.class,
        Rules.CertificateValid.class, Rules.RoleAllowed.class, Rules.SignatureValid.class);
  }

  @Test
  void theSignatureCheckComesLast() {
    List<TransactionRule> rules = Rules.all();
    assertThat(rules.get(rules.size() - 1)).isInstanceOf(Rules.SignatureValid.class);
    assertThat(rules.subList(0, rules.size() - 1)).noneMatch(Rules.SignatureValid.class::isInstance);
  }

  @Test
  void aValidTransactionPassesEveryRule() {
    assertThat(firstRejection(echo(alice))).isEmpty();
  }

  @Test
  void aTransactionBrokenInSeveralWaysGetsTheCheapestRejection() {
    SignedTransaction wrongChainAndForged = withSignature(
        alice.signer("another-chain").sign(EchoContract.ECHO, bytes("x")), new byte[] {1});
    assertThat(firstRejection(wrongChainAndForged)).get().extracting(Rejection::code)
        .isEqualTo(RejectionCode.WRONG_CHAIN);

    SignedTransaction emptyAndForged = withSignature(alice.signer().sign(EchoContract.ECHO, new byte[0]), new byte[1]);
    assertThat(firstRejection(emptyAndForged)).get().extracting(Rejection::code)
        .isEqualTo(RejectionCode.MALFORMED_PAYLOAD);

    Member stranger = fixture.consortium.issue("st-mary", "stranger", Role.PHYSICIAN);
    SignedTransaction unknownAndForged = withSignature(echo(stranger), new byte[1]);
    assertThat(firstRejection(unknownAndForged)).get().extracting(Rejection::code)
        .isEqualTo(RejectionCode.UNKNOWN_CERTIFICATE);

    SignedTransaction tx = echo(alice);
    fixture.maxTransactionBytes(10);
    assertThat(firstRejection(withSignature(tx, flipped(tx.signature(), 3)))).get().extracting(Rejection::code)
        .isEqualTo(RejectionCode.TOO_LARGE);
  }

  @Test
  void aCheaperRejectionWinsOverAKnownBadSignature() {
    fixture.preverified(java.util.Optional.of(false));
    fixture.committed(id -> true);
    assertThat(firstRejection(echo(alice))).get().extracting(Rejection::code).isEqualTo(RejectionCode.REPLAY);
  }

  @Test
  void aForgedSignatureOfAnOtherwiseValidTransactionIsCaughtLast() {
    SignedTransaction tx = echo(alice);
    assertThat(firstRejection(withSignature(tx, flipped(tx.signature(), 7)))).get().extracting(Rejection::code)
        .isEqualTo(RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void everyRejectionCodeHasADistinctKebabCaseId() {
    assertThat(RejectionCode.values()).extracting(RejectionCode::id).doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
  }
}
