package org.medledger.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

class TransactionSignerTest {
  private static final TestConsortium CONSORTIUM = TestConsortium.standard();
  private static final byte[] PAYLOAD = "hello".getBytes(StandardCharsets.UTF_8);

  private final Member alice = CONSORTIUM.issue("st-mary", "dr-alice", Role.PHYSICIAN);
  private final Member bob = CONSORTIUM.issue("st-mary", "dr-bob", Role.NURSE);

  private static Verifier verifierFor(Member member) {
    return SignatureScheme.of(member.certificate().getPublicKey()).verifier(member.certificate().getPublicKey());
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateIsRefused() {
    var bobsKey = SignatureScheme.ECDSA_P256_SHA256.signer(bob.keys());
    assertThatThrownBy(() -> new TransactionSigner(TestConsortium.CHAIN_ID, bobsKey, alice.certificate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void aSignedTransactionVerifiesUnderTheSignersCertificate() {
    SignedTransaction tx = alice.signer().sign(EchoContract.ECHO, PAYLOAD);
    assertThat(verifierFor(alice).verify(LedgerCodec.encode(tx.body()), tx.signature())).isTrue();
    assertThat(verifierFor(bob).verify(LedgerCodec.encode(tx.body()), tx.signature())).isFalse();
  }

  @Test
  void theBodyNamesTheChainTypePayloadSignerAndCertificate() throws Exception {
    SignedTransaction tx = alice.signer("medledger-prod").sign(EchoContract.ECHO, PAYLOAD);
    TransactionBody body = tx.body();
    assertThat(body.chainId()).isEqualTo("medledger-prod");
    assertThat(body.type()).isEqualTo(EchoContract.ECHO);
    assertThat(body.payload()).isEqualTo(PAYLOAD);
    assertThat(body.signer()).isEqualTo(new SignerId(OrganisationId.of("st-mary"), "dr-alice"));
    assertThat(alice.signer().signerId()).isEqualTo(body.signer());
    byte[] fingerprint = MessageDigest.getInstance("SHA-256").digest(alice.certificate().getEncoded());
    assertThat(body.certificateFingerprint()).isEqualTo(Digest.of(fingerprint));
    assertThat(body.nonce()).hasSize(TransactionBody.NONCE_LENGTH);
  }

  @Test
  void twoSigningsOfTheSamePayloadHaveFreshNoncesAndDifferentIds() {
    TransactionSigner signer = alice.signer();
    SignedTransaction first = signer.sign(EchoContract.ECHO, PAYLOAD);
    SignedTransaction second = signer.sign(EchoContract.ECHO, PAYLOAD);
    assertThat(first.body().nonce()).isNotEqualTo(second.body().nonce());
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first).isNotEqualTo(second);
    assertThat(verifierFor(alice).verify(LedgerCodec.encode(second.body()), second.signature())).isTrue();
  }

  @Test
  void noncesDoNotRepeatOverManySignings() {
    TransactionSigner signer = alice.signer();
    Set<String> nonces = new HashSet<>();
    Set<Digest> ids = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      SignedTransaction tx = signer.sign(EchoContract.ECHO, PAYLOAD);
      nonces.add(java.util.HexFormat.of().formatHex(tx.body().nonce()));
      ids.add(tx.id());
    }
    assertThat(nonces).hasSize(500);
    assertThat(ids).hasSize(500);
  }

  @Test
  void changingThePayloadArrayAfterSigningChangesNothing() {
    byte[] payload = PAYLOAD.clone();
    SignedTransaction tx = alice.signer().sign(EchoContract.ECHO, payload);
    payload[0] = 'J';
    assertThat(tx.body().payload()).isEqualTo(PAYLOAD);
    assertThat(verifierFor(alice).verify(LedgerCodec.encode(tx.body()), tx.signature())).isTrue();
  }

  @Test
  void aValidatorsKeySignsAsTheValidator() {
    Member validator = CONSORTIUM.validators().get(0);
    SignedTransaction tx = validator.signer().sign(EchoContract.ECHO, PAYLOAD);
    assertThat(tx.body().signer().name()).isEqualTo("validator-1");
    assertThat(verifierFor(validator).verify(LedgerCodec.encode(tx.body()), tx.signature())).isTrue();
  }
}
