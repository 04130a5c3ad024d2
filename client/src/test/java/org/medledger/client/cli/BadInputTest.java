package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;
import static org.medledger.client.cli.TestNetwork.ACME_INSURANCE;
import static org.medledger.client.cli.TestNetwork.CITY_CLINIC;
import static org.medledger.client.cli.TestNetwork.ST_MARY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariant 6: bad input gets a clear one-line message and a non-zero exit, and changes nothing —
 * neither the network directory nor anything else under the test's directory (wallets, CRLs).
 */
class BadInputTest {
  /** Looks like a secret (27 base64url characters) but was never issued. */
  private static final String FORGED_SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

  @TempDir static Path dir;
  static TestNetwork network;
  /** Another consortium: one organisation with an id this network also has, one it does not. */
  static TestNetwork otherNetwork;
  /** A network whose node is not running (its node.yaml names a port nothing listens on). */
  static TestNetwork idleNetwork;

  @BeforeAll
  static void createNetworks() {
    network = TestNetwork.running(dir);
    otherNetwork = TestNetwork.running(dir, "other-network", "--orgs", "st-mary,elsewhere", "--validators", "1");
    idleNetwork = TestNetwork.create(dir, "idle-network", "--validators", "1", "--api-port",
        Integer.toString(unusedPort()));
  }

  /** A loopback port nothing listens on (free a moment ago). */
  private static int unusedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String[] withOptions(String[] command, String... options) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  @AfterAll
  static void stopNodes() {
    network.close();
    otherNetwork.close();
  }

  // --- the chain

  @ParameterizedTest
  @ValueSource(strings = {"register", "enroll", "revoke"})
  void everyCommandThatActsOnChainRefusesWhenNoNodeOfTheNetworkRuns(String command) {
    attempt(caCommand(command, ST_MARY, "someone", idleNetwork.root()))
        .isRefusedWith("no node of this network is running", "not running", "--node URL");
  }

  @Test
  void aNodeGivenWithNodeThatIsNotRunningIsRefused() {
    attempt(withOptions(caCommand("register", ST_MARY, "nobody-home"), "--node", "https://127.0.0.1:" + unusedPort()))
        .isRefusedWith("no node of this network is running", "not running");
  }

  @Test
  void aNodeOfAnotherNetworkIsRefused() {
    attempt(withOptions(caCommand("register", ST_MARY, "wrong-chain"), "--node",
        "https://localhost:" + otherNetwork.node().apiPort())).isRefusedWith("not a node of this network");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "http://127.0.0.1:8441", "https://127.0.0.1", "https://127.0.0.1:8441/v1/x",
      "ftp://node"})
  void aMalformedNodeUrlIsRefused(String url) {
    attempt(withOptions(caCommand("register", ST_MARY, "bad-url"), "--node", url)).isRefusedWith("--node");
  }

  // --- enrollment secrets

  @Test
  void enrollingWithAWrongSecretFails() {
    network.register(ST_MARY, "wrong-secret", "patient");

    attempt(enroll(ST_MARY, "wrong-secret", FORGED_SECRET)).isRefusedWith("wrong enrollment secret");
  }

  @Test
  void enrollingTwiceWithTheSameSecretFails() {
    String secret = network.register(ST_MARY, "used-secret", "patient");
    network.enroll(ST_MARY, "used-secret", secret, "ec");

    attempt(enroll(ST_MARY, "used-secret", secret, network.walletPath("used-secret-again")))
        .isRefusedWith("already used");
  }

  @Test
  void enrollingWithAnExpiredSecretFails() {
    String secret = network.register(ST_MARY, "late-comer", "patient", "--secret-ttl", "1s");

    attempt(network.cli().after(Duration.ofSeconds(2)), enroll(ST_MARY, "late-comer", secret))
        .isRefusedWith("expired");
  }

  @Test
  void enrollingAnUnregisteredNameFails() {
    attempt(enroll(ST_MARY, "nobody", FORGED_SECRET)).isRefusedWith("'nobody' is not registered");
  }

  @Test
  void aSecretIsValidOnlyAtTheOrganisationThatIssuedIt() {
    String secret = network.register(ST_MARY, "wrong-org", "nurse");

    attempt(enroll(CITY_CLINIC, "wrong-org", secret)).isRefusedWith("not registered at city-clinic");
  }

  @Test
  void aRevokedIdentityCannotEnroll() {
    String secret = network.register(ST_MARY, "revoked-before-enrolling", "nurse");
    network.revokeName(ST_MARY, "revoked-before-enrolling", "privilege-withdrawn");

    attempt(enroll(ST_MARY, "revoked-before-enrolling", secret)).isRefusedWith("revoked");
  }

  // --- organisations, roles, names, attributes

  @ParameterizedTest(name = "ca {0}")
  @ValueSource(strings = {"register", "enroll", "revoke", "crl"})
  void anUnknownOrganisationIsRefusedByEveryCaCommand(String command) {
    attempt(caCommand(command, "nowhere")).isRefusedWith("unknown organisation 'nowhere'", ST_MARY);
  }

  @ParameterizedTest(name = "--org {0}")
  @ValueSource(strings = {"St-Mary", "st mary", "", "../st-mary"})
  void anInvalidOrganisationIdIsRefused(String org) {
    attempt(register(org, "pat", "patient")).isRefusedWith("invalid organisation id");
  }

  @ParameterizedTest(name = "--role {0}")
  @ValueSource(strings = {"surgeon", "", "physicians", "admin"})
  void anUnknownRoleIsRefusedWithTheListOfRoles(String role) {
    attempt(register(ST_MARY, "pat-role", role)).isRefusedWith("unknown role", "physician, nurse");
  }

  @ParameterizedTest(name = "--name \"{0}\"")
  @ValueSource(strings = {"-leading-dash", " leading-space", "with/slash", "CN=evil,O=acme", "new\nline", "ünïcode",
      "a-name-of-sixty-five-characters-is-one-more-than-a-subject-allows"})
  void anInvalidNameIsRefused(String name) {
    attempt(register(ST_MARY, name, "patient")).isRefusedWith("invalid name");
  }

  @Test
  void registeringANameTwiceIsRefused() {
    network.register(CITY_CLINIC, "twice", "patient");

    attempt(register(CITY_CLINIC, "twice", "patient")).isRefusedWith("already registered");
  }

  @Test
  void anAttributeWithoutAnEqualsSignIsRefused() {
    attempt(register(ST_MARY, "pat-attr", "patient", "--attr", "department")).isRefusedWith("--attr", "KEY=VALUE");
  }

  @ParameterizedTest(name = "--attr {0}")
  @ValueSource(strings = {"Department=cardiology", "department=", "=cardiology", "ward=a=b", "department=tab\there",
      "an-attribute-key-of-33-characters=x"})
  void anAttributeWithAnInvalidKeyOrValueIsRefused(String attribute) {
    attempt(register(ST_MARY, "pat-attr", "patient", "--attr", attribute)).isRefusedWith("invalid", "attribute");
  }

  @Test
  void aNonPositiveSecretLifetimeIsRefused() {
    attempt(register(ST_MARY, "pat-ttl", "patient", "--secret-ttl", "0s")).isRefusedWith("positive");
  }

  // --- passphrases and files

  @ParameterizedTest(name = "ca {0}")
  @ValueSource(strings = {"enroll", "revoke", "crl"})
  void aWrongCaPassphraseIsRefusedByEveryCommandThatSigns(String command) {
    network.register(ACME_INSURANCE, "ca-pass-" + command, "insurer");
    Cli wrongCaPassphrase = network.cli().env(Passphrases.CA_PASSPHRASE, "not the CA passphrase");

    attempt(wrongCaPassphrase, caCommand(command, ACME_INSURANCE, "ca-pass-" + command))
        .isRefusedWith("wrong passphrase");
  }

  @Test
  void aFailedEnrollmentLeavesTheSecretUnspent() {
    String secret = network.register(ACME_INSURANCE, "retry", "insurer");
    Cli wrongCaPassphrase = network.cli().env(Passphrases.CA_PASSPHRASE, "not the CA passphrase");
    attempt(wrongCaPassphrase, enroll(ACME_INSURANCE, "retry", secret)).isRefusedWith("wrong passphrase");

    assertSucceeded(network.cli().run(enroll(ACME_INSURANCE, "retry", secret)));
  }

  @Test
  void aMissingPassphraseWithNoTerminalIsRefused() {
    network.register(ACME_INSURANCE, "no-passphrase", "insurer");

    attempt(Cli.withoutPassphrase(), enroll(ACME_INSURANCE, "no-passphrase", FORGED_SECRET))
        .isRefusedWith("MEDLEDGER_PASSPHRASE");
  }

  @Test
  void anExistingWalletFileIsNeitherOverwrittenNorSpendsTheSecret() throws IOException {
    String secret = network.register(ST_MARY, "has-wallet", "physician");
    Path wallet = network.walletPath("has-wallet");
    Files.writeString(wallet, "someone else's wallet");

    attempt(enroll(ST_MARY, "has-wallet", secret, wallet)).isRefusedWith("already exists");

    assertThat(wallet).hasContent("someone else's wallet");
    assertSucceeded(network.cli().run(enroll(ST_MARY, "has-wallet", secret, network.walletPath("has-wallet-2"))));
  }

  @Test
  void aWalletPathThatCannotBeWrittenIsRefusedBeforeTheSecretIsSpent() throws IOException {
    String secret = network.register(ST_MARY, "bad-wallet-path", "physician");
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "a file, not a directory");

    attempt(enroll(ST_MARY, "bad-wallet-path", secret, notADirectory.resolve("w.pem")))
        .isRefusedWith(notADirectory.toString());

    assertSucceeded(network.cli().run(enroll(ST_MARY, "bad-wallet-path", secret)));
  }

  // --- revocation

  @Test
  void revokingAnUnknownNameFails() {
    attempt(revoke(CITY_CLINIC, "--name", "nobody")).isRefusedWith("'nobody' is not registered");
  }

  @Test
  void revokingAnUnknownSerialFails() {
    attempt(revoke(CITY_CLINIC, "--serial", "4abc0123")).isRefusedWith("no certificate with serial 4abc0123");
  }

  @Test
  void revokingASerialIssuedByAnotherOrganisationFails() {
    String serial = TestNetwork.serialHex(TestNetwork.certificate(network.adminWallet(ST_MARY)));

    attempt(revoke(CITY_CLINIC, "--serial", serial)).isRefusedWith("no certificate with serial");
  }

  @ParameterizedTest(name = "--serial {0}")
  @ValueSource(strings = {"xyz", "12g4", "0x1f", ""})
  void revokingAMalformedSerialFails(String serial) {
    attempt(revoke(CITY_CLINIC, "--serial", serial)).isRefusedWith("hexadecimal");
  }

  @Test
  void revokingAnAlreadyRevokedIdentityFails() {
    network.member(CITY_CLINIC, "revoked-twice", "nurse");
    network.revokeName(CITY_CLINIC, "revoked-twice", "superseded");

    attempt(revoke(CITY_CLINIC, "--name", "revoked-twice")).isRefusedWith("already revoked");
  }

  @Test
  void revokingAnAlreadyRevokedCertificateFails() {
    Path wallet = network.member(CITY_CLINIC, "serial-revoked-twice", "nurse");
    String serial = TestNetwork.serialHex(TestNetwork.certificate(wallet));
    network.revokeName(CITY_CLINIC, "serial-revoked-twice", "superseded");

    attempt(revoke(CITY_CLINIC, "--serial", serial)).isRefusedWith("already revoked");
  }

  @ParameterizedTest(name = "--reason {0}")
  @ValueSource(strings = {"bored", "", "removeFromCRL", "certificate-hold"})
  void anUnknownRevocationReasonIsRefusedWithTheListOfReasons(String reason) {
    network.register(CITY_CLINIC, "reason-" + reason.hashCode(), "nurse");

    attempt(network.cli(), "ca", "revoke", "--network", network.dir(), "--org", CITY_CLINIC,
        "--name", "reason-" + reason.hashCode(), "--reason", reason)
        .isRefusedWith("unknown revocation reason", "key-compromise");
  }

  @Test
  void revokingByNameAndSerialAtOnceIsRefused() {
    attempt(revoke(CITY_CLINIC, "--name", "admin", "--serial", "4abc")).isRefusedWith("--name", "--serial");
  }

  @Test
  void aCrlThatCannotBeWrittenChangesNothing() throws IOException {
    Path directory = Files.createDirectories(dir.resolve("a-directory"));
    Files.writeString(directory.resolve("keep.txt"), "keep");

    attempt(network.cli(), "ca", "crl", "--network", network.dir(), "--org", CITY_CLINIC, "--out", directory.toString())
        .isRefusedWith(directory.toString());
  }

  // --- verification

  @Test
  void verifyFindsACertificateWithAFlippedSignatureByteInvalid() throws Exception {
    X509Certificate certificate = TestNetwork.certificate(network.member(ACME_INSURANCE, "tamper-sig", "insurer"));
    byte[] der = certificate.getEncoded().clone();
    der[der.length - 1] ^= 0x01; // the last byte of the signature value

    attempt(verify(writePem("tampered-signature.pem", der))).isInvalid("invalid_signature");
  }

  @Test
  void verifyFindsACertificateWithAnAlteredSubjectInvalid() throws Exception {
    X509Certificate certificate = TestNetwork.certificate(network.member(ACME_INSURANCE, "tamper-tbs", "insurer"));
    byte[] der = certificate.getEncoded().clone();
    int at = indexOf(der, "tamper-tbs".getBytes(StandardCharsets.US_ASCII));
    der[at] = 'T'; // the name now reads "Tamper-tbs": same length, different signed bytes

    attempt(verify(writePem("tampered-subject.pem", der))).isInvalid("invalid_signature");
  }

  @Test
  void verifyFindsACertificateOfAnotherNetworkUntrusted() {
    Path foreign = otherNetwork.adminWallet("elsewhere");

    attempt(verify(foreign)).isInvalid("untrusted");
  }

  @Test
  void verifyFindsACertificateFromAnotherNetworksOrganisationOfTheSameNameUntrusted() {
    Path impostor = otherNetwork.adminWallet(ST_MARY);

    attempt(verify(impostor)).isInvalid("untrusted");
  }

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(strings = {"not a certificate at all", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
      "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE-----\n", ""})
  void verifyRefusesAFileWithoutACertificate(String content) throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage-" + content.hashCode() + ".pem"), content);

    attempt(verify(garbage)).isRefusedWith("");
  }

  @Test
  void verifyRefusesBinaryGarbage() throws IOException {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 37 + 11);
    }
    Path garbage = Files.write(dir.resolve("garbage.bin"), bytes);

    attempt(verify(garbage)).isRefusedWith("");
  }

  @Test
  void verifyRefusesAMissingFile() {
    attempt(verify(dir.resolve("no-such-certificate.pem"))).isRefusedWith("does not exist");
  }

  // --- network directories

  @ParameterizedTest(name = "ca {0}")
  @ValueSource(strings = {"register", "enroll", "revoke", "crl", "verify"})
  void aDirectoryWithoutGenesisJsonIsNotANetwork(String command) throws IOException {
    Path notANetwork = Files.createDirectories(dir.resolve("not-a-network"));
    Files.writeString(notANetwork.resolve("readme.txt"), "hello");

    attempt(caCommand(command, ST_MARY, "pat", notANetwork)).isRefusedWith("not a MedLedger network directory");
  }

  @Test
  void aMissingNetworkDirectoryIsNotCreated() {
    Path missing = dir.resolve("missing-network");

    attempt(register(missing, ST_MARY, "pat", "patient")).isRefusedWith("not a MedLedger network directory");

    assertThat(missing).doesNotExist();
  }

  @Test
  void aMalformedGenesisFileIsReportedOnOneLine() throws IOException {
    Path broken = Files.createDirectories(dir.resolve("broken-network"));
    Files.writeString(broken.resolve("genesis.json"), "{\"format\": 1, \"chainId\": ");

    attempt(register(broken, ST_MARY, "pat", "patient")).isRefusedWith("is not a valid genesis file");
  }

  // --- how a case is run and checked

  /** The outcome of a command and the files under the test directory before and after it. */
  private record Attempt(Cli.Result result, DirectorySnapshot before, DirectorySnapshot after) {

    /** Refused with one "medledger: " line on stderr mentioning the fragments, and nothing changed. */
    Cli.Result isRefusedWith(String... fragments) {
      assertRefused(result, fragments);
      assertUnchanged();
      return result;
    }

    /** {@code ca verify} ran and found the certificate not valid: exit 1, one line, nothing changed. */
    Cli.Result isInvalid(String verdict) {
      assertThat(result.exitCode()).as("exit code of %s", result).isEqualTo(1);
      assertThat(result.err()).as("stderr of %s", result).isEmpty();
      assertThat(result.out().lines().toList()).as("stdout of %s", result).hasSize(1);
      assertThat(result.out()).as("stdout of %s", result).startsWith("invalid (" + verdict);
      assertUnchanged();
      return result;
    }

    private void assertUnchanged() {
      assertThat(after.entries()).as("files after %s", result).isEqualTo(before.entries());
    }
  }

  private static Attempt attempt(String... args) {
    return attempt(network.cli(), args);
  }

  private static Attempt attempt(Cli cli, String... args) {
    DirectorySnapshot before = DirectorySnapshot.of(dir);
    Cli.Result result = cli.run(args);
    return new Attempt(result, before, DirectorySnapshot.of(dir));
  }

  private static String[] register(String org, String name, String role, String... options) {
    return register(network.root(), org, name, role, options);
  }

  private static String[] register(Path networkDir, String org, String name, String role, String... options) {
    List<String> args = new ArrayList<>(List.of("ca", "register", "--network", networkDir.toString(), "--org", org,
        "--name", name, "--role", role));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  private static String[] enroll(String org, String name, String secret) {
    return enroll(org, name, secret, network.walletPath(name));
  }

  private static String[] enroll(String org, String name, String secret, Path wallet) {
    return new String[] {"ca", "enroll", "--network", network.dir(), "--org", org, "--name", name,
        "--secret", secret, "--wallet", wallet.toString()};
  }

  private static String[] revoke(String org, String... selector) {
    List<String> args = new ArrayList<>(List.of("ca", "revoke", "--network", network.dir(), "--org", org));
    args.addAll(List.of(selector));
    args.addAll(List.of("--reason", "key-compromise"));
    return args.toArray(String[]::new);
  }

  private static String[] verify(Path certificate) {
    return new String[] {"ca", "verify", certificate.toString(), "--network", network.dir()};
  }

  private static String[] caCommand(String command, String org) {
    return caCommand(command, org, "someone");
  }

  private static String[] caCommand(String command, String org, String name) {
    return caCommand(command, org, name, network.root());
  }

  /** A well-formed invocation of {@code ca COMMAND} for {@code name} at {@code org}. */
  private static String[] caCommand(String command, String org, String name, Path networkDir) {
    String net = networkDir.toString();
    return switch (command) {
      case "register" -> new String[] {"ca", "register", "--network", net, "--org", org, "--name", name,
          "--role", "patient"};
      case "enroll" -> new String[] {"ca", "enroll", "--network", net, "--org", org, "--name", name,
          "--secret", FORGED_SECRET, "--wallet", network.walletPath(name + "-" + command).toString()};
      case "revoke" -> new String[] {"ca", "revoke", "--network", net, "--org", org, "--name", name,
          "--reason", "key-compromise"};
      case "crl" -> new String[] {"ca", "crl", "--network", net, "--org", org,
          "--out", dir.resolve(name + ".crl.pem").toString()};
      case "verify" -> new String[] {"ca", "verify", network.adminWallet(ST_MARY).toString(), "--network", net};
      default -> throw new IllegalArgumentException(command);
    };
  }

  private static Path writePem(String fileName, byte[] der) throws IOException {
    String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(dir.resolve(fileName), pem);
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
