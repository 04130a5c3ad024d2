package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.bytes;
import static org.medledger.ledger.validation.ValidationFixture.echo;
import static org.medledger.ledger.validation.ValidationFixture.flipped;
import static org.medledger.ledger.validation.ValidationFixture.signedByHand;
import static org.medledger.ledger.validation.ValidationFixture.withSignature;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

class SignatureValidRuleTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.SignatureValid rule = new Rules.SignatureValid();
  private final Member alice = fixture.physician();

  @Test
  void aGenuineSignaturePasses() {
    fixture.assertPasses(rule, echo(alice));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 20, -2, -1})
  void aFlippedSignatureByteIsRejected(int position) {
    SignedTransaction tx = echo(alice);
    byte[] signature = tx.signature();
    int index = position >= 0 ? position : signature.length + position;
    Rejection rejection = fixture.assertRejected(rule, withSignature(tx, flipped(signature, index)),
        RejectionCode.BAD_SIGNATURE);
    assertThat(rejection.getMessage()).contains("signature");
  }

  @Test
  void anEmptyOrGarbageSignatureIsRejectedWithoutAnException() {
    SignedTransaction tx = echo(alice);
    fixture.assertRejected(rule, withSignature(tx, new byte[0]), RejectionCode.BAD_SIGNATURE);
    fixture.assertRejected(rule, withSignature(tx, bytes("not a signature at all")), RejectionCode.BAD_SIGNATURE);
    fixture.assertRejected(rule, withSignature(tx, new byte[] {0x30, 0x00}), RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void aSignatureFromAnotherKeyIsRejected() {
    Member bob = fixture.enrolled("dr-bob", Role.PHYSICIAN);
    // claims alice's certificate, signed with bob's key
    SignedTransaction tx = signedByHand(bob, TestConsortium.CHAIN_ID, EchoContract.ECHO, bytes("hello"),
        echo(alice).body().signer(), CertificateCodec.fingerprint(alice.certificate()));
    fixture.assertRejected(rule, tx, RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void aSignatureOfAnotherBodyIsRejected() {
    SignedTransaction signed = echo(alice);
    TransactionBody body = signed.body();
    TransactionBody altered = new TransactionBody(body.chainId(), body.type(), bytes("hellO"), body.signer(),
        body.certificateFingerprint(), body.nonce());
    fixture.assertRejected(rule, new SignedTransaction(altered, signed.signature()), RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void theSignatureCoversTheNonce() {
    SignedTransaction signed = echo(alice);
    TransactionBody body = signed.body();
    TransactionBody renonced = new TransactionBody(body.chainId(), body.type(), body.payload(), body.signer(),
        body.certificateFingerprint(), flipped(body.nonce(), 0));
    fixture.assertRejected(rule, new SignedTransaction(renonced, signed.signature()), RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void rsaPssSignaturesAreVerifiedToo() {
    Member rsa = fixture.record(fixture.consortium.issue(OrganisationId.of("st-mary"), "dr-rsa", Role.PHYSICIAN,
        SignatureScheme.RSA_3072_PSS_SHA256, TestConsortium.GENESIS_TIME, Duration.ofDays(365)));
    SignedTransaction tx = echo(rsa);
    fixture.assertPasses(rule, tx);
    fixture.assertRejected(rule, withSignature(tx, flipped(tx.signature(), 100)), RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void theSignedBytesAreTheCanonicalBodyEncoding() {
    SignedTransaction tx = echo(alice);
    var verifier = SignatureScheme.of(alice.certificate().getPublicKey()).verifier(alice.certificate().getPublicKey());
    assertThat(verifier.verify(LedgerCodec.encode(tx.body()), tx.signature())).isTrue();
    assertThat(verifier.verify(tx.encoded(), tx.signature())).isFalse();
  }

  @Test
  void aSignerWithoutRecordedCertificateIsRejectedAsUnknown() {
    Member stranger = fixture.consortium.issue("st-mary", "stranger", Role.PHYSICIAN);
    fixture.assertRejected(rule, echo(stranger), RejectionCode.UNKNOWN_CERTIFICATE);
  }

  // ---- this validator's own verdict, made in parallel before the block is applied in order

  @Test
  void aPreverifiedFalseOverridesAGenuineSignature() {
    fixture.preverified(Optional.of(false));
    fixture.assertRejected(rule, echo(alice), RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void aPreverifiedTrueIsTakenWithoutCheckingAgain() {
    SignedTransaction forged = withSignature(echo(alice), new byte[] {1, 2, 3});
    fixture.preverified(Optional.of(true));
    fixture.assertPasses(rule, forged);
  }

  @Test
  void withoutAVerdictTheSignatureIsCheckedOnTheSpot() {
    SignedTransaction tx = echo(alice);
    fixture.preverified(Optional.empty());
    fixture.assertPasses(rule, tx);
    fixture.assertRejected(rule, withSignature(tx, flipped(tx.signature(), 10)), RejectionCode.BAD_SIGNATURE);
  }

  @Test
  void theStaticVerifierAgreesWithTheRule() {
    SignedTransaction tx = echo(alice);
    var entry = fixture.context().signerCertificate(tx).orElseThrow();
    assertThat(Rules.SignatureValid.verify(tx, fixture.identities, entry)).isTrue();
    assertThat(Rules.SignatureValid.verify(withSignature(tx, flipped(tx.signature(), 5)), fixture.identities, entry))
        .isFalse();
  }

  @Test
  void theCachedVerifierOfOneCertificateIsNotUsedForAnother() {
    Member bob = fixture.enrolled("dr-bob", Role.PHYSICIAN);
    fixture.assertPasses(rule, echo(alice));
    fixture.assertPasses(rule, echo(bob));
    SignedTransaction bobAsAlice = signedByHand(bob, TestConsortium.CHAIN_ID, EchoContract.ECHO, bytes("hello"),
        echo(alice).body().signer(), CertificateCodec.fingerprint(alice.certificate()));
    fixture.assertRejected(rule, bobAsAlice, RejectionCode.BAD_SIGNATURE);
  }
}
