package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;
import static org.medledger.client.cli.TestNetwork.ACME_INSURANCE;
import static org.medledger.client.cli.TestNetwork.CITY_CLINIC;
import static org.medledger.client.cli.TestNetwork.ST_MARY;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.Passphrase;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Role;

/** Register, enroll, verify, revoke and publish CRLs, through the command line. */
class CaLifecycleTest {
  /** Certificates start a few minutes early for slow clocks; an hour bounds that generously. */
  private static final Duration BACKDATE_BOUND = Duration.ofHours(1);

  @TempDir static Path dir;
  static TestNetwork network;

  @BeforeAll
  static void createNetwork() {
    network = TestNetwork.running(dir);
  }

  @AfterAll
  static void stopNode() {
    network.close();
  }

  @Test
  void registeringPrintsAOneTimeSecretOfAtLeast128RandomBits() {
    Cli.Result result = assertSucceeded(network.cli().run("ca", "register", "--network", network.dir(),
        "--org", ST_MARY, "--name", "pat-quinn", "--role", "patient"));

    assertThat(result.out()).contains("registered 'pat-quinn' (patient) at st-mary", "one use, expires");
    // base64url: 27 characters carry 162 bits, 22 would carry 132
    assertThat(result.lastLine()).matches("[A-Za-z0-9_-]{27,}");
  }

  @Test
  void registeringTheSameNameTwiceGivesTwoDifferentSecrets() {
    String first = network.register(CITY_CLINIC, "pat-rossi", "patient");
    String second = network.register(ACME_INSURANCE, "pat-rossi", "patient");

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theCaStoresOnlyTheSha256OfTheSecret() throws IOException {
    String secret = network.register(ST_MARY, "pat-sato", "patient");

    String records = Files.readString(network.records(ST_MARY));
    assertThat(records).contains(DirectorySnapshot.sha256(secret.getBytes(StandardCharsets.UTF_8)));
    try (Stream<Path> files = Files.walk(network.root())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as("%s", file).doesNotContain(secret);
      }
    }
  }

  @Test
  void enrollingWithAnEcKeyWritesAnOwnerOnlyWalletWhoseCertificateCarriesTheRegisteredIdentity() throws Exception {
    String secret = network.register(ST_MARY, "dr-eve", "physician", "--attr", "department=cardiology",
        "--attr", "licence=GMC-1234");
    Instant enrolledAt = Instant.now();

    Path wallet = network.enroll(ST_MARY, "dr-eve", secret, "ec");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wallet))).isEqualTo("rw-------");
    X509Certificate certificate = TestNetwork.certificate(wallet);
    assertThat(IdentityExtension.decode(certificate)).isEqualTo(new IdentityClaims("dr-eve", Role.PHYSICIAN,
        OrganisationId.of(ST_MARY), new TreeMap<>(Map.of("department", "cardiology", "licence", "GMC-1234"))));
    assertThat(Certificates.subject(certificate)).isEqualTo("CN=dr-eve,OU=physician,O=st-mary");
    assertThat(certificate.getIssuerX500Principal())
        .isEqualTo(TestNetwork.certificate(network.caCertificate(ST_MARY)).getSubjectX500Principal());
    assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(Certificates.keyUsage(certificate))
        .containsExactlyInAnyOrder("digitalSignature", "nonRepudiation", "keyAgreement");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(Certificates.CLIENT_AUTH);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertPersonValidity(certificate, enrolledAt);
    Wallet opened = Wallet.read(wallet, Passphrase.of(Cli.PASSPHRASE.toCharArray()));
    assertThat(opened.certificate()).isEqualTo(certificate);
  }

  @Test
  void enrollingWithAnRsaKeyGetsAKeyEnciphermentCertificate() throws Exception {
    String secret = network.register(CITY_CLINIC, "claims-frank", "insurer");
    Instant enrolledAt = Instant.now();

    X509Certificate certificate = TestNetwork.certificate(network.enroll(CITY_CLINIC, "claims-frank", secret, "rsa"));

    assertThat(certificate.getPublicKey()).isInstanceOfSatisfying(RSAPublicKey.class,
        key -> assertThat(key.getModulus().bitLength()).isEqualTo(3072));
    assertThat(IdentityExtension.decode(certificate).role()).isEqualTo(Role.INSURER);
    assertThat(Certificates.subject(certificate)).isEqualTo("CN=claims-frank,OU=insurer,O=city-clinic");
    assertThat(Certificates.keyUsage(certificate))
        .containsExactlyInAnyOrder("digitalSignature", "nonRepudiation", "keyEncipherment");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(Certificates.CLIENT_AUTH);
    assertPersonValidity(certificate, enrolledAt);
  }

  @Test
  void validatorAndTlsCertificatesAreValidForTwoYearsWithNodeKeyUsage() throws Exception {
    Genesis.Validator inGenesis = network.layout().readGenesis().validators().get(1);
    assertThat(inGenesis.id()).isEqualTo("validator-2");
    X509Certificate validator = Pem.certificate(inGenesis.certificate());
    X509Certificate tls = Pem.certificate(inGenesis.tlsCertificate());
    assertThat(validator).isEqualTo(TestNetwork.certificate(network.layout().nodeWallet("validator-2")));
    assertThat(tls).isEqualTo(TestNetwork.certificate(network.layout().nodeTlsCertificate("validator-2")));

    for (X509Certificate certificate : new X509Certificate[] {validator, tls}) {
      assertThat(Certificates.validity(certificate))
          .isBetween(Duration.ofDays(730), Duration.ofDays(730).plus(BACKDATE_BOUND));
      assertThat(IdentityExtension.decode(certificate).role()).isEqualTo(Role.VALIDATOR);
      assertThat(Certificates.subject(certificate)).isEqualTo("CN=validator-2,OU=validator,O=city-clinic");
    }
    assertThat(Certificates.keyUsage(validator)).containsExactlyInAnyOrder("digitalSignature", "nonRepudiation");
    assertThat(validator.getExtendedKeyUsage()).containsExactly(Certificates.CLIENT_AUTH);
    assertThat(Certificates.keyUsage(tls)).containsExactly("digitalSignature");
    assertThat(tls.getExtendedKeyUsage()).containsExactlyInAnyOrder(Certificates.SERVER_AUTH, Certificates.CLIENT_AUTH);
  }

  @Test
  void theRegistrarsAreAdminWalletsWithTheRegistrarRole() {
    X509Certificate admin = TestNetwork.certificate(network.adminWallet(ACME_INSURANCE));

    assertThat(IdentityExtension.decode(admin).role()).isEqualTo(Role.REGISTRAR);
    assertThat(Certificates.subject(admin)).isEqualTo("CN=admin,OU=registrar,O=acme-insurance");
    assertThat(Certificates.validity(admin)).isBetween(Duration.ofDays(365), Duration.ofDays(365).plus(BACKDATE_BOUND));
  }

  @Test
  void verifyAcceptsEveryCertificateTheNetworkIssued() {
    Path wallet = network.member(ACME_INSURANCE, "claims-gina", "insurer");

    for (Path certificate : new Path[] {wallet, network.adminWallet(ST_MARY), network.layout().nodeWallet("validator-3"),
        network.layout().nodeTlsCertificate("validator-4")}) {
      Cli.Result result = assertSucceeded(network.verify(certificate));
      assertThat(result.out()).startsWith("valid: ");
    }
  }

  @Test
  void verifyOutsideTheValidityPeriodSaysExpiredOrNotYetValid() {
    Path wallet = network.member(ST_MARY, "nurse-hana", "nurse");
    Instant notAfter = TestNetwork.certificate(wallet).getNotAfter().toInstant();

    Cli.Result later = network.cli().run("ca", "verify", wallet.toString(), "--network", network.dir(),
        "--at", notAfter.plusSeconds(1).toString());
    Cli.Result earlier = network.cli().run("ca", "verify", wallet.toString(), "--network", network.dir(),
        "--at", Instant.now().minus(1, ChronoUnit.DAYS).toString());

    assertThat(later.exitCode()).as("%s", later).isEqualTo(1);
    assertThat(later.out()).startsWith("invalid (expired)");
    assertThat(earlier.exitCode()).as("%s", earlier).isEqualTo(1);
    assertThat(earlier.out()).startsWith("invalid (not_yet_valid)");
  }

  @Test
  void revokingByNameInvalidatesTheCertificateAndListsItInTheCrl() {
    Path wallet = network.member(CITY_CLINIC, "dr-ivan", "physician");
    X509Certificate certificate = TestNetwork.certificate(wallet);

    Cli.Result revoke = assertSucceeded(network.cli().run("ca", "revoke", "--network", network.dir(),
        "--org", CITY_CLINIC, "--name", "dr-ivan", "--reason", "key-compromise"));

    assertThat(revoke.out()).contains("revoked certificate " + TestNetwork.serialHex(certificate), "key-compromise");
    Cli.Result verify = network.verify(wallet);
    assertThat(verify.exitCode()).as("%s", verify).isEqualTo(1);
    assertThat(verify.out()).startsWith("invalid (revoked)").contains("key-compromise");
    X509CRLEntry entry = TestNetwork.crlIn(network.crl(CITY_CLINIC)).getRevokedCertificate(certificate);
    assertThat(entry).isNotNull();
    assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
  }

  @Test
  void aCertificateWasStillValidBeforeItWasRevoked() {
    Path wallet = network.member(CITY_CLINIC, "dr-jin", "physician");
    Instant beforeRevocation = Instant.now();
    network.revokeName(CITY_CLINIC, "dr-jin", "affiliation-changed");

    Cli.Result result = network.cli().run("ca", "verify", wallet.toString(), "--network", network.dir(),
        "--at", beforeRevocation.minusSeconds(1).toString());

    assertSucceeded(result);
  }

  @Test
  void revokingBySerialRevokesThatCertificateOnly() {
    Path revoked = network.member(ACME_INSURANCE, "claims-kim", "insurer");
    Path kept = network.member(ACME_INSURANCE, "claims-lee", "insurer");
    String serial = TestNetwork.serialHex(TestNetwork.certificate(revoked));

    assertSucceeded(network.cli().run("ca", "revoke", "--network", network.dir(), "--org", ACME_INSURANCE,
        "--serial", serial, "--reason", "superseded"));

    assertThat(network.verify(revoked).exitCode()).isEqualTo(1);
    assertThat(network.verify(revoked).out()).contains("revoked");
    assertSucceeded(network.verify(kept));
    X509CRL crl = TestNetwork.crlIn(network.crl(ACME_INSURANCE));
    assertThat(crl.getRevokedCertificate(new BigInteger(serial, 16))).isNotNull();
    assertThat(crl.getRevokedCertificate(TestNetwork.certificate(kept))).isNull();
  }

  @Test
  void revokingBySerialAcceptsTheUpperCaseColonSeparatedHexThatOpensslPrints() {
    Path wallet = network.member(ST_MARY, "nurse-mo", "nurse");
    String hex = TestNetwork.serialHex(TestNetwork.certificate(wallet)).toUpperCase();
    String colons = String.join(":", (hex.length() % 2 == 0 ? hex : "0" + hex).split("(?<=\\G..)"));

    assertSucceeded(network.cli().run("ca", "revoke", "--network", network.dir(), "--org", ST_MARY,
        "--serial", colons, "--reason", "cessation-of-operation"));

    assertThat(network.verify(wallet).out()).startsWith("invalid (revoked)");
  }

  @Test
  void crlCommandWritesASignedCrlWhoseNextUpdateIsSevenDaysAhead() throws Exception {
    Path out = dir.resolve("published-crl.pem");
    Instant now = Instant.now();

    Cli.Result result = assertSucceeded(network.cli().run("ca", "crl", "--network", network.dir(),
        "--org", ST_MARY, "--out", out.toString()));

    assertThat(result.out()).contains("written to " + out);
    X509CRL crl = TestNetwork.crlIn(out);
    X509Certificate ca = TestNetwork.certificate(network.caCertificate(ST_MARY));
    crl.verify(ca.getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(crl.getThisUpdate().toInstant()).isCloseTo(now, within(1, ChronoUnit.MINUTES));
    assertThat(crl.getNextUpdate().toInstant()).isCloseTo(now.plus(7, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
    assertThat(Files.readString(network.crl(ST_MARY))).isEqualTo(Files.readString(out));
  }

  @Test
  void crlValidForSetsTheNextUpdate() {
    Path out = dir.resolve("short-crl.pem");
    Instant now = Instant.now();

    assertSucceeded(network.cli().run("ca", "crl", "--network", network.dir(), "--org", CITY_CLINIC,
        "--out", out.toString(), "--valid-for", "36h"));

    assertThat(TestNetwork.crlIn(out).getNextUpdate().toInstant())
        .isCloseTo(now.plus(36, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
  }

  @Test
  void identityShowSuspendAndReinstateActOnChain() {
    network.member(ST_MARY, "nurse-ines", "nurse");
    String[] show = {"identity", "show", "--network", network.dir(), "--org", ST_MARY, "--name", "nurse-ines"};
    Cli.Result active = assertSucceeded(network.cli().run(show));
    assertThat(active.out()).contains("nurse-ines@st-mary: nurse, active, registered at block", "certificate ");

    Cli.Result suspended = assertSucceeded(network.cli().run("identity", "suspend", "--network", network.dir(),
        "--org", ST_MARY, "--name", "nurse-ines"));
    assertThat(suspended.out()).contains("suspended 'nurse-ines' at st-mary", "on chain");
    assertThat(assertSucceeded(network.cli().run(show)).out()).contains("nurse, suspended since block");
    assertRefused(network.cli().run("identity", "suspend", "--network", network.dir(), "--org", ST_MARY,
        "--name", "nurse-ines"), "already-suspended");

    assertSucceeded(network.cli().run("identity", "reinstate", "--network", network.dir(), "--org", ST_MARY,
        "--name", "nurse-ines"));
    assertThat(assertSucceeded(network.cli().run(show)).out()).contains("nurse, active");
  }

  @Test
  void identityCommandsRefuseBadInput() {
    assertRefused(network.cli().run("identity", "show", "--network", network.dir(), "--org", ST_MARY,
        "--name", "nobody-here"), "not registered at st-mary");
    assertRefused(network.cli().run("identity", "show", "--network", network.dir(), "--org", ST_MARY,
        "--name", "bad/name"), "invalid name");
    assertRefused(network.cli().run("identity", "show", "--network", network.dir(), "--org", "no-such-org",
        "--name", "someone"), "unknown organisation");
    assertRefused(network.cli().run("identity", "suspend", "--network", network.dir(), "--org", ST_MARY,
        "--name", "nobody-here"), "unknown-identity");
    assertRefused(network.cli().run("identity", "suspend", "--network", network.dir(), "--org", ST_MARY,
        "--name", "nobody-here", "--reason", "boredom"), "unknown revocation reason");
  }

  private static void assertPersonValidity(X509Certificate certificate, Instant enrolledAt) {
    assertThat(certificate.getNotAfter().toInstant())
        .isCloseTo(enrolledAt.plus(365, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
    assertThat(Certificates.validity(certificate)).isBetween(Duration.ofDays(365), Duration.ofDays(365).plus(BACKDATE_BOUND));
  }
}
