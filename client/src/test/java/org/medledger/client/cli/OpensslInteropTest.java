package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;
import static org.medledger.client.cli.TestNetwork.ACME_INSURANCE;
import static org.medledger.client.cli.TestNetwork.CITY_CLINIC;
import static org.medledger.client.cli.TestNetwork.ST_MARY;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.pki.IdentityExtension;

/**
 * What MedLedger writes, checked by the real {@code openssl} binary: certificates verify against
 * their organisation's CA, CRLs revoke, encrypted keys open with the passphrase and only with it.
 * Passphrases reach openssl through its environment ({@code -passin env:VAR}), never its argv.
 */
class OpensslInteropTest {
  private static final String PASSPHRASE_VARIABLE = "MEDLEDGER_TEST_PASSPHRASE";

  @TempDir static Path dir;
  static TestNetwork network;
  static Path ecPhysician;
  static Path rsaPhysician;
  static Path revokedInsurer;

  @BeforeAll
  static void createNetworkWithPeople() {
    assumeTrue(opensslWorks(), "the openssl binary is not available");
    network = TestNetwork.running(dir);
    ecPhysician = network.member(ST_MARY, "dr-ola", "physician", "ec");
    rsaPhysician = network.member(CITY_CLINIC, "dr-raj", "physician", "rsa");
    revokedInsurer = network.member(ACME_INSURANCE, "claims-rev", "insurer");
    network.revokeName(ACME_INSURANCE, "claims-rev", "key-compromise");
  }

  @AfterAll
  static void stopNode() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void everyCertificateWrittenByNetworkInitVerifiesAgainstItsOrganisationsCa() throws IOException {
    Map<Path, String> certificates = new LinkedHashMap<>();
    Genesis genesis = network.layout().readGenesis();
    for (Genesis.Organisation org : genesis.organisations()) {
      certificates.put(network.caCertificate(org.id()), org.id());
      certificates.put(network.adminWallet(org.id()), org.id());
    }
    for (Genesis.Validator validator : genesis.validators()) {
      certificates.put(network.layout().nodeWallet(validator.id()), validator.organisation());
      certificates.put(network.layout().nodeTlsCertificate(validator.id()), validator.organisation());
    }
    assertThat(certificates).hasSize(3 * 2 + 4 * 2);

    for (Map.Entry<Path, String> entry : certificates.entrySet()) {
      Path pem = firstCertificateOf(entry.getKey());
      Result result = openssl("verify", "-CAfile", network.caCertificate(entry.getValue()).toString(), pem.toString());
      assertThat(result.exitCode()).as("%s: %s", entry.getKey(), result).isZero();
      assertThat(result.output()).as("%s", entry.getKey()).contains(pem + ": OK");
    }
  }

  @Test
  void enrolledPeopleVerifyWithEcAndRsaKeys() throws IOException {
    assertVerifies(ecPhysician, ST_MARY);
    assertVerifies(rsaPhysician, CITY_CLINIC);
    assertThat(openssl("x509", "-in", firstCertificateOf(rsaPhysician).toString(), "-noout", "-text").output())
        .contains("Public-Key: (3072 bit)", "Key Encipherment");
    assertThat(openssl("x509", "-in", firstCertificateOf(ecPhysician).toString(), "-noout", "-text").output())
        .contains("Public-Key: (256 bit)", "NIST CURVE: P-256", "Key Agreement");
  }

  @Test
  void aCertificateFromAnotherOrganisationDoesNotVerifyAgainstThisCa() throws IOException {
    Result result = openssl("verify", "-CAfile", network.caCertificate(CITY_CLINIC).toString(),
        firstCertificateOf(ecPhysician).toString());

    assertThat(result.exitCode()).as("%s", result).isNotZero();
  }

  @Test
  void aRevokedCertificateFailsTheCrlCheckAndAnUnrevokedOnePassesIt() throws IOException {
    String caFile = network.caCertificate(ACME_INSURANCE).toString();
    String crlFile = network.crl(ACME_INSURANCE).toString();

    Result revoked = openssl("verify", "-crl_check", "-CAfile", caFile, "-CRLfile", crlFile,
        firstCertificateOf(revokedInsurer).toString());
    Result unrevoked = openssl("verify", "-crl_check", "-CAfile", caFile, "-CRLfile", crlFile,
        firstCertificateOf(network.adminWallet(ACME_INSURANCE)).toString());

    assertThat(revoked.exitCode()).as("%s", revoked).isNotZero();
    assertThat(revoked.output()).contains("certificate revoked");
    assertThat(unrevoked.exitCode()).as("%s", unrevoked).isZero();
  }

  @Test
  void opensslListsTheRevokedSerialInTheCrl() {
    String serial = TestNetwork.serialHex(TestNetwork.certificate(revokedInsurer));

    Result result = openssl("crl", "-in", network.crl(ACME_INSURANCE).toString(), "-noout", "-text");

    assertThat(result.exitCode()).as("%s", result).isZero();
    List<String> listed = Pattern.compile("Serial Number: ([0-9A-Fa-f:]+)").matcher(result.output())
        .results().map(m -> m.group(1).replace(":", "")).toList();
    assertThat(listed).anySatisfy(listedSerial -> assertThat(listedSerial).isEqualToIgnoringCase(serial));
    assertThat(result.output()).contains("Key Compromise", "Next Update");
  }

  @Test
  void aPublishedCrlCarriesAValidSignatureOfItsCa() {
    Path published = dir.resolve("published.crl.pem");
    assertSucceeded(network.cli().run("ca", "crl", "--network", network.dir(), "--org", ACME_INSURANCE,
        "--out", published.toString()));

    Result result = openssl("crl", "-in", published.toString(), "-CAfile",
        network.caCertificate(ACME_INSURANCE).toString(), "-noout");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.output()).contains("verify OK");
  }

  @Test
  void encryptedKeysOpenWithThePassphrase() {
    for (Path keyFile : keyFiles()) {
      Result result = opensslWithPassphrase(Cli.PASSPHRASE, "pkcs8", "-in", keyFile.toString(),
          "-passin", "env:" + PASSPHRASE_VARIABLE);

      assertThat(result.exitCode()).as("%s: %s", keyFile, result.output().lines().findFirst()).isZero();
      assertThat(result.output()).as("%s", keyFile).startsWith("-----BEGIN PRIVATE KEY-----");
    }
  }

  @Test
  void encryptedKeysDoNotOpenWithAWrongPassphrase() {
    for (Path keyFile : keyFiles()) {
      Result result = opensslWithPassphrase("not the passphrase", "pkcs8", "-in", keyFile.toString(),
          "-passin", "env:" + PASSPHRASE_VARIABLE);

      assertThat(result.exitCode()).as("%s", keyFile).isNotZero();
      assertThat(result.output()).as("%s", keyFile).doesNotContain("BEGIN PRIVATE KEY");
    }
  }

  @Test
  void theKeyInAWalletBelongsToItsCertificate() throws IOException {
    for (Path wallet : List.of(ecPhysician, rsaPhysician)) {
      Result fromKey = opensslWithPassphrase(Cli.PASSPHRASE, "pkey", "-in", wallet.toString(),
          "-passin", "env:" + PASSPHRASE_VARIABLE, "-pubout");
      Result fromCertificate = openssl("x509", "-in", firstCertificateOf(wallet).toString(), "-pubkey", "-noout");

      assertThat(fromKey.exitCode()).as("%s", wallet).isZero();
      assertThat(fromKey.output()).as("%s", wallet).startsWith("-----BEGIN PUBLIC KEY-----")
          .isEqualTo(fromCertificate.output());
    }
  }

  @Test
  void opensslShowsTheRoleAndClientAuthenticationOfAPerson() throws IOException {
    Result result = openssl("x509", "-in", firstCertificateOf(ecPhysician).toString(), "-noout", "-text");

    assertThat(result.exitCode()).as("%s", result).isZero();
    String text = result.output();
    assertThat(text).contains("OU = physician", "TLS Web Client Authentication");
    String extension = text.substring(text.indexOf(IdentityExtension.OID.getId()), text.indexOf("Signature Algorithm",
        text.indexOf(IdentityExtension.OID.getId())));
    assertThat(extension).as("the MedLedger identity extension as openssl prints it").contains("physician", "st-mary");
  }

  @Test
  void opensslShowsTheTlsNamesAndServerAuthenticationOfAValidator() throws IOException {
    Result result = openssl("x509", "-in", firstCertificateOf(network.layout().nodeTlsCertificate("validator-1"))
        .toString(), "-noout", "-text");

    assertThat(result.output()).contains("DNS:localhost", "IP Address:127.0.0.1", "TLS Web Server Authentication",
        "TLS Web Client Authentication");
  }

  private static void assertVerifies(Path wallet, String org) throws IOException {
    Result result = openssl("verify", "-CAfile", network.caCertificate(org).toString(),
        firstCertificateOf(wallet).toString());
    assertThat(result.exitCode()).as("%s: %s", wallet, result).isZero();
  }

  /** The encrypted private keys: CA keys, wallets of registrars, validators and people, TLS keys. */
  private static List<Path> keyFiles() {
    List<Path> files = new ArrayList<>(List.of(network.caKey(ST_MARY), network.adminWallet(CITY_CLINIC),
        network.layout().nodeWallet("validator-1"), network.layout().nodeTlsKey("validator-2"), ecPhysician,
        rsaPhysician));
    assertThat(files).allSatisfy(file -> assertThat(file).isRegularFile());
    return files;
  }

  /** The first certificate of a PEM file (a wallet also holds a key and the CA), alone in a new file. */
  private static Path firstCertificateOf(Path pemFile) throws IOException {
    String pem = TestNetwork.read(pemFile);
    int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
    String end = "-----END CERTIFICATE-----";
    String certificate = pem.substring(begin, pem.indexOf(end, begin) + end.length()) + "\n";
    Path out = dir.resolve("extracted").resolve(network.root().relativize(pemFile.toAbsolutePath()).toString()
        .replace("..", "outside").replace('/', '_') + ".crt");
    Files.createDirectories(out.getParent());
    return Files.writeString(out, certificate);
  }

  // --- running openssl

  /** Exit code and the combined stdout and stderr of one openssl run. */
  record Result(int exitCode, String output) {}

  private static Result openssl(String... args) {
    return run(Map.of(), args);
  }

  private static Result opensslWithPassphrase(String passphrase, String... args) {
    return run(Map.of(PASSPHRASE_VARIABLE, passphrase), args);
  }

  private static Result run(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(PASSPHRASE_VARIABLE);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close(); // no terminal: openssl must never wait for a typed passphrase
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("openssl " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("cannot run openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static boolean opensslWorks() {
    try {
      return run(Map.of(), "version").exitCode() == 0;
    } catch (AssertionError e) {
      return false;
    }
  }
}
