package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.TestNetwork.ACME_INSURANCE;
import static org.medledger.client.cli.TestNetwork.CITY_CLINIC;
import static org.medledger.client.cli.TestNetwork.ST_MARY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medledger.node.GenesisFile;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.client.network.NetworkLayout;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

class NetworkInitTest {
  private static final List<String> ORGS = List.of(ST_MARY, CITY_CLINIC, ACME_INSURANCE);
  private static final List<String> VALIDATORS = List.of("validator-1", "validator-2", "validator-3", "validator-4");

  @TempDir static Path shared;
  static TestNetwork network;

  @TempDir Path parent;

  @BeforeAll
  static void createNetwork() {
    network = TestNetwork.create(shared);
  }

  private static NetworkLayout layout() {
    return network.layout();
  }

  @Test
  void genesisNamesTheOrganisationsWithTheirCaCertificatesAndTheValidators() throws IOException {
    Genesis genesis = GenesisFile.read(layout().genesis());

    assertThat(genesis.chainId()).startsWith("medledger-");
    assertThat(genesis.organisations()).extracting(Genesis.Organisation::id).containsExactlyElementsOf(ORGS);
    for (Genesis.Organisation org : genesis.organisations()) {
      assertThat(org.authority()).isEqualTo(TestNetwork.certificate(network.caCertificate(org.id())));
    }
    assertThat(genesis.validators()).extracting(Genesis.Validator::id).containsExactlyElementsOf(VALIDATORS);
    assertThat(genesis.validators()).extracting(Genesis.Validator::organisation)
        .containsExactly(ST_MARY, CITY_CLINIC, ACME_INSURANCE, ST_MARY);
  }

  @Test
  void everyOrganisationGetsACaRecordsACrlAndAnAdminWallet() {
    for (String org : ORGS) {
      OrganisationId id = OrganisationId.of(org);
      assertThat(layout().authorityCertificate(id)).isRegularFile();
      assertThat(layout().authorityKey(id)).isRegularFile();
      assertThat(layout().authorityRecords(id)).isRegularFile();
      assertThat(layout().authorityCrl(id)).isRegularFile();
      assertThat(layout().adminWallet(id)).isRegularFile();

      X509Certificate admin = TestNetwork.certificate(layout().adminWallet(id));
      assertThat(IdentityExtension.decode(admin).role()).isEqualTo(Role.REGISTRAR);
      assertThat(IdentityExtension.decode(admin).organisation()).isEqualTo(id);
      assertThat(TestNetwork.crlIn(layout().authorityCrl(id)).getRevokedCertificates()).isNull();
    }
  }

  @Test
  void everyValidatorGetsAWalletATlsCertificateAndAnEncryptedTlsKey() {
    for (String validator : VALIDATORS) {
      assertThat(layout().nodeWallet(validator)).isRegularFile();
      assertThat(layout().nodeTlsCertificate(validator)).isRegularFile();
      assertThat(layout().nodeTlsKey(validator)).isRegularFile();
      assertThat(IdentityExtension.decode(TestNetwork.certificate(layout().nodeWallet(validator))).role())
          .isEqualTo(Role.VALIDATOR);
    }
  }

  @Test
  void tlsCertificatesNameLocalhostAndTheLoopbackAddress() throws Exception {
    for (String validator : VALIDATORS) {
      X509Certificate tls = TestNetwork.certificate(layout().nodeTlsCertificate(validator));
      List<List<?>> names = new ArrayList<>(tls.getSubjectAlternativeNames());
      assertThat(names).containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
      assertThat(tls.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    }
  }

  @Test
  void noPrivateKeyIsStoredInTheClear() throws IOException {
    try (Stream<Path> files = Files.walk(network.root())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as("%s", file)
            .doesNotContain("BEGIN PRIVATE KEY", "BEGIN EC PRIVATE KEY", "BEGIN RSA PRIVATE KEY");
      }
    }
  }

  @Test
  void keyFilesAreReadableByTheirOwnerOnlyAndOpenWithThePassphrase() throws IOException {
    List<Path> keyFiles = new ArrayList<>();
    for (String org : ORGS) {
      keyFiles.add(network.caKey(org));
      keyFiles.add(network.adminWallet(org));
    }
    for (String validator : VALIDATORS) {
      keyFiles.add(layout().nodeWallet(validator));
      keyFiles.add(layout().nodeTlsKey(validator));
    }
    Passphrase passphrase = Passphrase.of(Cli.PASSPHRASE.toCharArray());
    for (Path file : keyFiles) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("%s", file)
          .isEqualTo("rw-------");
      String pem = Files.readString(file);
      assertThat(pem).as("%s", file).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
      assertThat(EncryptedPrivateKeys.fromPem(pem, passphrase)).as("%s", file).isNotNull();
    }
  }

  @Test
  void refusesAnExistingOutputDirectoryAndLeavesItByteForByteUnchanged() throws IOException {
    Path existing = Files.createDirectories(parent.resolve("existing"));
    Files.writeString(existing.resolve("notes.txt"), "precious");
    Files.createDirectories(existing.resolve("orgs"));
    DirectorySnapshot before = DirectorySnapshot.of(parent);

    assertRefused(Cli.withPassphrase().run("network", "init", "--out", existing.toString()), "already exists");

    assertThat(DirectorySnapshot.of(parent)).isEqualTo(before);
  }

  @Test
  void refusesToInitialiseOverAnExistingNetwork() {
    DirectorySnapshot before = DirectorySnapshot.of(network.root());

    assertRefused(Cli.withPassphrase().run("network", "init", "--out", network.dir()), "already exists");

    assertThat(DirectorySnapshot.of(network.root())).isEqualTo(before);
  }

  @ParameterizedTest(name = "--orgs {0}")
  @ValueSource(strings = {"St-Mary", "st mary", "st_mary", "-st-mary", "st-mary-", "st-mary,,city-clinic",
      "st-mary,st-mary", "st-mary,city-clinic,st-mary"})
  void invalidOrDuplicateOrganisationIdsAreRefusedAndNothingIsCreated(String orgs) {
    assertNothingCreatedBy(Cli.withPassphrase(), List.of("--orgs", orgs));
  }

  @ParameterizedTest(name = "--validators {0}")
  @ValueSource(strings = {"0", "-1", "65"})
  void aValidatorCountOutOfRangeIsRefusedAndNothingIsCreated(String count) {
    assertNothingCreatedBy(Cli.withPassphrase(), List.of("--validators", count), "validators");
  }

  @ParameterizedTest(name = "--tls-host \"{0}\"")
  @ValueSource(strings = {"", "ünïcode.example", "two words", "under_score", "-leading.example", ",localhost",
      "*.example.org", "example..org"})
  void anInvalidTlsHostIsRefusedAndNothingIsCreated(String hosts) {
    assertNothingCreatedBy(Cli.withPassphrase(), List.of("--tls-host", hosts), "--tls-host");
  }

  @Test
  void tlsHostsMayNameOtherHostsAndIpv6Addresses() throws Exception {
    Path out = parent.resolve("custom-hosts");

    CliAssertions.assertSucceeded(Cli.withPassphrase().run("network", "init", "--out", out.toString(), "--orgs", "solo",
        "--validators", "1", "--tls-host", "node-1.st-mary.example, ::1,10.0.0.7"));

    X509Certificate tls = TestNetwork.certificate(new NetworkLayout(out).nodeTlsCertificate("validator-1"));
    assertThat(new ArrayList<List<?>>(tls.getSubjectAlternativeNames())).containsExactlyInAnyOrder(
        List.of(2, "node-1.st-mary.example"), List.of(7, "0:0:0:0:0:0:0:1"), List.of(7, "10.0.0.7"));
  }

  @Test
  void aPassphraseShorterThanEightCharactersIsRefusedAndNothingIsCreated() {
    assertNothingCreatedBy(Cli.withPassphrase().passphrase("7chars!"), List.of(), "at least 8 characters");
  }

  @Test
  void aMissingPassphraseWithNoTerminalIsRefusedAndNothingIsCreated() {
    assertNothingCreatedBy(Cli.withoutPassphrase().prompt(Cli.NO_TERMINAL), List.of(), "MEDLEDGER_PASSPHRASE");
  }

  @Test
  void anEmptyPassphraseVariableCountsAsMissing() {
    assertNothingCreatedBy(Cli.withoutPassphrase().passphrase(""), List.of(), "MEDLEDGER_PASSPHRASE");
  }

  @Test
  void passphrasesThatDifferAtThePromptAreRefusedAndNothingIsCreated() {
    String[] answers = {"first passphrase", "second passphrase"};
    int[] asked = {0};
    Cli cli = Cli.withoutPassphrase().prompt(text -> answers[asked[0]++].toCharArray());

    assertNothingCreatedBy(cli, List.of(), "differ");
  }

  @Test
  void aPassphraseFromThePromptIsAskedTwiceAndProtectsTheKeys() throws IOException {
    List<String> prompts = new ArrayList<>();
    Cli cli = Cli.withoutPassphrase().prompt(text -> {
      prompts.add(text);
      return "typed at the terminal".toCharArray();
    });
    Path out = parent.resolve("prompted");

    CliAssertions.assertSucceeded(cli.run("network", "init", "--out", out.toString(), "--orgs", "solo",
        "--validators", "1"));

    assertThat(prompts).hasSize(2);
    String key = Files.readString(new NetworkLayout(out).authorityKey(OrganisationId.of("solo")));
    assertThat(EncryptedPrivateKeys.fromPem(key, Passphrase.of("typed at the terminal".toCharArray()))).isNotNull();
  }

  /**
   * Runs {@code network init} into a new directory with the given extra options, and checks it was
   * refused with a message mentioning {@code fragments}, and that neither the directory nor a
   * staging directory next to it was created.
   */
  private void assertNothingCreatedBy(Cli cli, List<String> options, String... fragments) {
    Path out = parent.resolve("new-network");
    List<String> args = new ArrayList<>(List.of("network", "init", "--out", out.toString()));
    args.addAll(options);

    assertRefused(cli.run(args.toArray(String[]::new)), fragments);

    assertThat(out).doesNotExist();
    assertThat(DirectorySnapshot.of(parent).entries()).containsOnlyKeys(".");
  }
}
