package org.medledger.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.pki.PkiFixtures.NOW;
import static org.medledger.pki.PkiFixtures.ST_MARY;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medledger.crypto.SignatureScheme;

class CertificateAuthorityTest {
  // KeyUsage bit positions in X509Certificate#getKeyUsage()
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int NON_REPUDIATION = 1;
  private static final int KEY_ENCIPHERMENT = 2;
  private static final int KEY_AGREEMENT = 4;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void theRootIsASelfSignedCaThatMaySignOnlyLeafCertificates(SignatureScheme scheme) throws Exception {
    X509Certificate root = PkiFixtures.authority(ST_MARY, scheme).certificate();
    root.verify(root.getPublicKey());
    assertThat(root.getBasicConstraints()).isZero();
    assertThat(root.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
    assertThat(root.getKeyUsage()[CRL_SIGN]).isTrue();
    assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=st-mary MedLedger CA,O=st-mary");
    assertThat(IdentityExtension.decode(root).organisation()).isEqualTo(ST_MARY);
  }

  @Test
  void aPersonsCertificateCarriesRoleOrganisationAndAttributes() throws Exception {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY);
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    TreeMap<String, String> attributes = new TreeMap<>(java.util.Map.of("department", "cardiology"));
    IdentityClaims claims = new IdentityClaims("dr-alice", Role.PHYSICIAN, ST_MARY, attributes);
    X509Certificate certificate = ca.issue(keys.getPublic(), claims, CertificateProfile.PERSON, NOW, Duration.ofDays(365));

    certificate.verify(ca.certificate().getPublicKey());
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=dr-alice,OU=physician,O=st-mary");
    assertThat(IdentityExtension.decode(certificate)).isEqualTo(claims);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW.minus(CertificateAuthority.BACKDATE).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
  }

  @Test
  void keyUsageFollowsTheKeyTypeSoThatRecordKeysCanBeWrappedForThePerson() {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY);
    IdentityClaims claims = IdentityClaims.of("p", Role.PATIENT, ST_MARY);
    boolean[] ec = ca.issue(SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(), claims,
        CertificateProfile.PERSON, NOW, Duration.ofDays(1)).getKeyUsage();
    boolean[] rsa = ca.issue(SignatureScheme.RSA_3072_PSS_SHA256.generateKeyPair().getPublic(), claims,
        CertificateProfile.PERSON, NOW, Duration.ofDays(1)).getKeyUsage();
    assertThat(ec[DIGITAL_SIGNATURE] && ec[NON_REPUDIATION] && ec[KEY_AGREEMENT] && !ec[KEY_ENCIPHERMENT]).isTrue();
    assertThat(rsa[DIGITAL_SIGNATURE] && rsa[NON_REPUDIATION] && rsa[KEY_ENCIPHERMENT] && !rsa[KEY_AGREEMENT]).isTrue();
    assertThat(ec[KEY_CERT_SIGN] || rsa[KEY_CERT_SIGN]).isFalse();
  }

  @Test
  void aTlsCertificateNamesItsHostsAndServesBothEndsOfAConnection() throws Exception {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY);
    X509Certificate tls = ca.issueTls(SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(),
        IdentityClaims.of("validator-1", Role.VALIDATOR, ST_MARY), List.of("localhost", "127.0.0.1", "node1.example.org"),
        NOW, Duration.ofDays(730));
    Set<String> names = tls.getSubjectAlternativeNames().stream().map(n -> n.get(0) + ":" + n.get(1))
        .collect(Collectors.toSet());
    assertThat(names).containsExactlyInAnyOrder("2:localhost", "7:127.0.0.1", "2:node1.example.org");
    assertThat(tls.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
  }

  @Test
  void aCaCertifiesOnlyMembersOfItsOwnOrganisation() {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY);
    assertThatThrownBy(() -> ca.issue(SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(),
        IdentityClaims.of("dr-x", Role.PHYSICIAN, PkiFixtures.CITY_CLINIC), CertificateProfile.PERSON, NOW, Duration.ofDays(1)))
        .isInstanceOf(PkiException.class);
  }

  @Test
  void serialsArePositiveAndUnpredictable() {
    Set<java.math.BigInteger> serials = IntStream.range(0, 1000).mapToObj(i -> CertificateAuthority.randomSerial())
        .collect(Collectors.toSet());
    assertThat(serials).hasSize(1000).allSatisfy(s -> assertThat(s.bitLength()).isEqualTo(127));
  }

  @Test
  void aCaCannotBeOpenedWithAKeyThatIsNotItsOwn() {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY);
    KeyPair other = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    assertThatThrownBy(() -> new CertificateAuthority(ca.certificate(), other.getPrivate()))
        .isInstanceOf(PkiException.class).hasMessageContaining("does not belong to the CA certificate");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"", "two words", "-bad.example", "bad-.example", "caf\u00e9.example", "a..b"})
  void tlsHostsMustBeDnsNamesOrIpAddresses(String host) {
    CertificateAuthority ca = PkiFixtures.authority(ST_MARY);
    assertThatThrownBy(() -> ca.issueTls(SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(),
        IdentityClaims.of("validator-1", Role.VALIDATOR, ST_MARY), List.of(host), NOW, Duration.ofDays(1)))
        .isInstanceOf(PkiException.class).hasMessageContaining("neither a DNS name nor an IP address");
  }

  @Test
  void ipv6AddressesBecomeIpSubjectAlternativeNames() throws Exception {
    X509Certificate tls = PkiFixtures.authority(ST_MARY).issueTls(
        SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(),
        IdentityClaims.of("validator-1", Role.VALIDATOR, ST_MARY), List.of("::1"), NOW, Duration.ofDays(1));
    assertThat(tls.getSubjectAlternativeNames()).singleElement().satisfies(n -> assertThat(n.get(0)).isEqualTo(7));
  }
}
