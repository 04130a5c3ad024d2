package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.bytes;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

class PayloadWellFormedRuleTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.PayloadWellFormed rule = new Rules.PayloadWellFormed();
  private final Member alice = fixture.physician();
  private final Member registrar = fixture.consortium.registrar("st-mary");

  @Test
  void aWellFormedEchoPasses() {
    fixture.assertPasses(rule, ValidationFixture.echo(alice));
  }

  @Test
  void anUnknownTypeIsRejected() {
    SignedTransaction tx = alice.signer().sign(TransactionType.of("test.unknown"), bytes("hello"));
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.UNKNOWN_TYPE);
    assertThat(rejection.getMessage()).contains("test.unknown");
  }

  @Test
  void anUnregisteredTypeInAKnownNamespaceIsRejected() {
    SignedTransaction tx = registrar.signer().sign(TransactionType.of("identity.certificate.delete"), bytes("x"));
    fixture.assertRejected(rule, tx, RejectionCode.UNKNOWN_TYPE);
  }

  @Test
  void anEmptyEchoIsMalformed() {
    SignedTransaction tx = alice.signer().sign(EchoContract.ECHO, new byte[0]);
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.MALFORMED_PAYLOAD);
    assertThat(rejection.getMessage()).contains("empty echo");
  }

  @Test
  void aCertificateRecordWhosePayloadIsNoCertificateIsMalformed() {
    SignedTransaction tx = registrar.signer().sign(IdentityContract.RECORD, bytes("not a certificate"));
    fixture.assertRejected(rule, tx, RejectionCode.MALFORMED_PAYLOAD);
  }

  @Test
  void aCertificateRecordOfAWellFormedCertificatePasses() throws Exception {
    Member bob = fixture.consortium.issue("st-mary", "dr-bob", Role.PHYSICIAN);
    fixture.assertPasses(rule, registrar.signer().sign(IdentityContract.RECORD, bob.certificate().getEncoded()));
  }

  @Test
  void aRevocationWithAShortFingerprintOrUnknownReasonIsMalformed() {
    byte[] valid = IdentityContract.revokePayload(CertificateCodec.fingerprint(alice.certificate()),
        RevocationReason.KEY_COMPROMISE);
    fixture.assertPasses(rule, registrar.signer().sign(IdentityContract.REVOKE, valid));

    byte[] shortFingerprint = org.medledger.ledger.codec.pb.RevokeCertificate.newBuilder()
        .setCertificateFingerprint(com.google.protobuf.ByteString.copyFrom(new byte[Digest.LENGTH - 1]))
        .setReason(RevocationReason.KEY_COMPROMISE.id())
        .build().toByteArray();
    fixture.assertRejected(rule, registrar.signer().sign(IdentityContract.REVOKE, shortFingerprint),
        RejectionCode.MALFORMED_PAYLOAD);

    byte[] unknownReason = org.medledger.ledger.codec.pb.RevokeCertificate.newBuilder()
        .setCertificateFingerprint(com.google.protobuf.ByteString.copyFrom(new byte[Digest.LENGTH]))
        .setReason("bored")
        .build().toByteArray();
    fixture.assertRejected(rule, registrar.signer().sign(IdentityContract.REVOKE, unknownReason),
        RejectionCode.MALFORMED_PAYLOAD);
  }

  @Test
  void aCertificateRecordWhoseIdentityAttributeIsNoPairIsMalformed() throws Exception {
    X509Certificate crafted = CraftedCertificates.withAttributeEntry(
        new DERUTF8String("department"), new DERUTF8String("cardiology"), new DERUTF8String("extra"));
    fixture.assertPasses(rule, registrar.signer().sign(IdentityContract.RECORD, crafted.getEncoded()));
    // three elements: the third is ignored; a pair of the wrong types is refused
    X509Certificate wrongTypes = CraftedCertificates.withAttributeEntry(new ASN1Integer(1), new ASN1Integer(2));
    fixture.assertRejected(rule, registrar.signer().sign(IdentityContract.RECORD, wrongTypes.getEncoded()),
        RejectionCode.MALFORMED_PAYLOAD);
  }

  /**
   * Regression (IdentityExtension.decode, via IdentityContract.checkPayload): an identity attribute entry
   * with fewer than two elements throws ArrayIndexOutOfBoundsException, which no layer catches.
   * Anyone can send it: this rule runs before the certificate and role checks.
   */
  @Test
  void aCertificateRecordWhoseIdentityAttributeIsTooShortIsMalformed() throws Exception {
    Member stranger = fixture.consortium.issue("st-mary", "stranger", Role.PATIENT);
    for (X509Certificate crafted : new X509Certificate[] {
        CraftedCertificates.withAttributeEntry(new DERUTF8String("department")),
        CraftedCertificates.withAttributeEntry()}) {
      fixture.assertRejected(rule, stranger.signer().sign(IdentityContract.RECORD, crafted.getEncoded()),
          RejectionCode.MALFORMED_PAYLOAD);
    }
  }

  @Test
  void theRuleLooksAtThePayloadOnlyNotAtWhoSentIt() {
    // an unrecorded signer with a well-formed payload: other rules reject it, this one does not
    Member stranger = fixture.consortium.issue("st-mary", "stranger", Role.PATIENT);
    fixture.assertPasses(rule, ValidationFixture.echo(stranger));
  }
}
