package org.medledger.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.pki.PkiFixtures.NOW;
import static org.medledger.pki.PkiFixtures.ST_MARY;

import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medledger.crypto.SignatureScheme;
import org.medledger.pki.ValidationResult.Verdict;

class CertificateValidatorTest {
  private final CertificateAuthority stMary = PkiFixtures.authority(ST_MARY);
  private final CertificateAuthority cityClinic = PkiFixtures.authority(PkiFixtures.CITY_CLINIC);
  private final X509Certificate alice = issue(stMary, "dr-alice");

  private static X509Certificate issue(CertificateAuthority ca, String name) {
    return ca.issue(SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(),
        IdentityClaims.of(name, Role.PHYSICIAN, ca.organisation()), CertificateProfile.PERSON, NOW, Duration.ofDays(365));
  }

  private CertificateValidator validator(RevocationStatus revocations) {
    return new CertificateValidator(List.of(stMary.certificate(), cityClinic.certificate()), revocations);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aCertificateFromAnyConsortiumCaIsValidWithinItsPeriod(SignatureScheme caScheme) {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY, caScheme);
    X509Certificate certificate = issue(ca, "dr-alice");
    ValidationResult result = new CertificateValidator(List.of(ca.certificate()), RevocationStatus.NONE)
        .validate(certificate, NOW.plusSeconds(1));
    assertThat(result.verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void validityIsJudgedAtTheGivenTime() {
    CertificateValidator validator = validator(RevocationStatus.NONE);
    assertThat(validator.validate(alice, NOW.minus(Duration.ofDays(1))).verdict()).isEqualTo(Verdict.NOT_YET_VALID);
    assertThat(validator.validate(alice, NOW.plus(Duration.ofDays(366))).verdict()).isEqualTo(Verdict.EXPIRED);
  }

  @Test
  void aCertificateIsRevokedOnlyFromTheMomentOfRevocation() {
    Instant revokedAt = NOW.plus(Duration.ofDays(10));
    RevocationStatus revocations = cert -> cert.getSerialNumber().equals(alice.getSerialNumber())
        ? Optional.of(new Revocation(cert.getSerialNumber(), revokedAt, RevocationReason.KEY_COMPROMISE))
        : Optional.empty();
    CertificateValidator validator = validator(revocations);
    assertThat(validator.validate(alice, revokedAt.minusSeconds(1)).verdict()).isEqualTo(Verdict.VALID);
    ValidationResult after = validator.validate(alice, revokedAt);
    assertThat(after.verdict()).isEqualTo(Verdict.REVOKED);
    assertThat(after.detail()).contains("key-compromise");
    assertThat(validator.validate(issue(stMary, "dr-bob"), revokedAt).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aCertificateFromAnOutsideCaIsUntrusted() {
    CertificateAuthority outsider = PkiFixtures.authority(OrganisationId.of("elsewhere"));
    assertThat(validator(RevocationStatus.NONE).validate(issue(outsider, "dr-eve"), NOW).verdict())
        .isEqualTo(Verdict.UNTRUSTED);
  }

  @Test
  void aCertificateSignedByAnImpostorWithTheSameCaNameIsRejected() {
    CertificateAuthority impostor = PkiFixtures.authority(ST_MARY);
    Verdict verdict = validator(RevocationStatus.NONE).validate(issue(impostor, "dr-eve"), NOW).verdict();
    assertThat(verdict).isIn(Verdict.INVALID_SIGNATURE, Verdict.UNTRUSTED);
  }

  @Test
  void anyAlteredByteInTheSignedPartIsDetected() throws Exception {
    byte[] der = alice.getEncoded();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    // Change the last byte of the subject public key (inside the signed part, still parseable).
    byte[] key = alice.getPublicKey().getEncoded();
    int at = indexOf(der, key) + key.length - 1;
    der[at] ^= 0x01;
    X509Certificate tampered = (X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der));
    assertThat(validator(RevocationStatus.NONE).validate(tampered, NOW).verdict()).isNotEqualTo(Verdict.VALID);
    assertThat(tampered.getSerialNumber()).isEqualTo(alice.getSerialNumber());
  }

  @Test
  void revocationOfAnotherSerialDoesNotAffectACertificate() {
    RevocationStatus unrelated = cert -> Optional.of(new Revocation(BigInteger.ONE, NOW, RevocationReason.UNSPECIFIED))
        .filter(r -> r.serial().equals(cert.getSerialNumber()));
    assertThat(validator(unrelated).validate(alice, NOW).isValid()).isTrue();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
