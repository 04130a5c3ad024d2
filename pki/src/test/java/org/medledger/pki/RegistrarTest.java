package org.medledger.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.pki.PkiFixtures.NOW;
import static org.medledger.pki.PkiFixtures.ST_MARY;

import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.pki.PkiException.Reason;

class RegistrarTest {
  private final KeyPair ecKeys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();

  @Test
  void registrationStoresOnlyTheHashOfAHighEntropySecret() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    Registration registration = r.records().registration("dr-alice").orElseThrow();
    assertThat(r.secret()).hasSizeGreaterThanOrEqualTo(27); // 160 bits in base64url
    assertThat(registration.secretHash()).isEqualTo(EnrollmentSecret.hash(r.secret())).doesNotContain(r.secret());
    assertThat(registration.secretExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(registration.status()).isEqualTo(Registration.Status.PENDING);
  }

  @Test
  void registeringTheSameNameTwiceFails() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    assertThatThrownBy(() -> Registrar.register(r.records(), ST_MARY,
        IdentityClaims.of("dr-alice", Role.NURSE, ST_MARY), NOW, Duration.ofHours(1)))
        .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_REGISTERED));
  }

  @Test
  void registeringAMemberOfAnotherOrganisationFails() {
    assertThatThrownBy(() -> Registrar.register(CaRecords.EMPTY, ST_MARY,
        IdentityClaims.of("dr-x", Role.PHYSICIAN, PkiFixtures.CITY_CLINIC), NOW, Duration.ofHours(1)))
        .isInstanceOf(PkiException.class).hasMessageContaining("cannot register a member of city-clinic");
  }

  @Test
  void enrollmentIssuesACertificateCarryingTheRegisteredClaims() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    Registrar.Outcome<X509Certificate> outcome = r.enroll(ecKeys, NOW.plusSeconds(60));
    X509Certificate certificate = outcome.value();
    assertThat(certificate.getPublicKey()).isEqualTo(ecKeys.getPublic());
    assertThat(IdentityExtension.decode(certificate)).isEqualTo(IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY));
    assertThat(outcome.records().registration("dr-alice").orElseThrow().status())
        .isEqualTo(Registration.Status.ENROLLED);
    assertThat(outcome.records().certificatesOf("dr-alice")).singleElement()
        .satisfies(c -> assertThat(c.serialNumber()).isEqualTo(certificate.getSerialNumber()));
  }

  @Test
  void enrollingWithAWrongSecretFails() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    assertReason(() -> r.registrar().enroll(r.records(), "dr-alice", r.secret() + "x",
        PkiFixtures.csr(ecKeys, ST_MARY, "dr-alice"), NOW), Reason.WRONG_SECRET);
  }

  @Test
  void enrollingTwiceWithTheSameSecretFails() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    CaRecords afterFirst = r.enroll(ecKeys, NOW).records();
    assertReason(() -> r.registrar().enroll(afterFirst, "dr-alice", r.secret(),
        PkiFixtures.csr(ecKeys, ST_MARY, "dr-alice"), NOW), Reason.SECRET_USED);
  }

  @Test
  void enrollingWhenTheSecretHasExpiredFails() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    assertReason(() -> r.enroll(ecKeys, NOW.plus(Duration.ofHours(24))), Reason.SECRET_EXPIRED);
    assertThat(r.enroll(ecKeys, NOW.plus(Duration.ofHours(24)).minusMillis(1)).value()).isNotNull();
  }

  @Test
  void enrollingAnUnknownNameFails() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    assertReason(() -> r.registrar().enroll(r.records(), "dr-bob", r.secret(),
        PkiFixtures.csr(ecKeys, ST_MARY, "dr-bob"), NOW), Reason.UNKNOWN_IDENTITY);
  }

  @Test
  void aRequestForAnotherNameIsRefused() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    assertReason(() -> r.registrar().enroll(r.records(), "dr-alice", r.secret(),
        PkiFixtures.csr(ecKeys, ST_MARY, "dr-mallory"), NOW), Reason.BAD_CSR);
  }

  @Test
  void aRequestSignedWithAnotherKeyHasNoProofOfPossession() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    KeyPair other = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    PKCS10CertificationRequest forged =
        new JcaPKCS10CertificationRequestBuilder(PkiFixtures.subject(ST_MARY, "dr-alice"), ecKeys.getPublic())
            .build(new SignerContentSigner(SignatureScheme.ECDSA_P256_SHA256.signer(other)));
    assertThatThrownBy(() -> r.registrar().enroll(r.records(), "dr-alice", r.secret(), forged, NOW))
        .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CSR))
        .hasMessageContaining("proof of possession");
  }

  @Test
  void aMalformedRequestIsRefused() {
    assertReason(() -> CertificationRequests.decode(new byte[] {0x30, 0x03, 0x02, 0x01}), Reason.BAD_CSR);
  }

  @Test
  void aWeakKeyIsRefused() throws Exception {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair weak = generator.generateKeyPair();
    PKCS10CertificationRequest request =
        new JcaPKCS10CertificationRequestBuilder(PkiFixtures.subject(ST_MARY, "dr-alice"), weak.getPublic())
            .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(weak.getPrivate()));
    assertReason(() -> r.registrar().enroll(r.records(), "dr-alice", r.secret(), request, NOW), Reason.UNSUPPORTED_KEY);
  }

  @Test
  void revokingAnIdentityRevokesAllItsCertificatesAndBarsEnrollment() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    CaRecords enrolled = r.enroll(ecKeys, NOW).records();
    Registrar.Outcome<List<IssuedCertificate>> revoked =
        r.registrar().revokeIdentity(enrolled, "dr-alice", RevocationReason.KEY_COMPROMISE, NOW.plusSeconds(5));
    assertThat(revoked.value()).singleElement().satisfies(c -> {
      assertThat(c.revokedAt()).isEqualTo(NOW.plusSeconds(5));
      assertThat(c.revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    });
    assertThat(revoked.records().revocations()).hasSize(1);
    assertReason(() -> r.registrar().enroll(revoked.records(), "dr-alice", r.secret(),
        PkiFixtures.csr(ecKeys, ST_MARY, "dr-alice"), NOW), Reason.IDENTITY_REVOKED);
    assertReason(() -> r.registrar().revokeIdentity(revoked.records(), "dr-alice", RevocationReason.UNSPECIFIED, NOW),
        Reason.ALREADY_REVOKED);
  }

  @Test
  void revokingOneCertificateLeavesTheOthersAndRejectsUnknownSerials() {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    Registrar.Outcome<X509Certificate> enrolled = r.enroll(ecKeys, NOW);
    Registrar.Outcome<IssuedCertificate> revoked = r.registrar().revokeCertificate(enrolled.records(),
        enrolled.value().getSerialNumber(), RevocationReason.SUPERSEDED, NOW);
    assertThat(revoked.value().revoked()).isTrue();
    assertReason(() -> r.registrar().revokeCertificate(revoked.records(), enrolled.value().getSerialNumber(),
        RevocationReason.SUPERSEDED, NOW), Reason.ALREADY_REVOKED);
    assertReason(() -> r.registrar().revokeCertificate(revoked.records(), java.math.BigInteger.TEN,
        RevocationReason.SUPERSEDED, NOW), Reason.UNKNOWN_CERTIFICATE);
  }

  @Test
  void theCrlListsRevokedSerialsIsSignedByTheCaAndItsNumberGrows() throws Exception {
    PkiFixtures.Registered r = PkiFixtures.registered("dr-alice", Role.PHYSICIAN);
    Registrar.Outcome<X509Certificate> enrolled = r.enroll(ecKeys, NOW);
    CaRecords revoked = r.registrar().revokeIdentity(enrolled.records(), "dr-alice",
        RevocationReason.KEY_COMPROMISE, NOW).records();
    Registrar.Outcome<X509CRL> first = r.registrar().crl(revoked, NOW, Duration.ofDays(7));
    Registrar.Outcome<X509CRL> second = r.registrar().crl(first.records(), NOW, Duration.ofDays(7));
    X509CRL crl = first.value();
    crl.verify(r.registrar().authority().certificate().getPublicKey());
    assertThat(crl.getRevokedCertificate(enrolled.value().getSerialNumber())).isNotNull();
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(first.records().crlNumber()).isEqualTo(1);
    assertThat(second.records().crlNumber()).isEqualTo(2);
  }

  static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call).isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
