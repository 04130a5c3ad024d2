package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.client.network.DemoIdentities;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.DecryptionFailedException;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.node.LocalNetwork;
import org.medledger.node.Node;

/**
 * {@code medledger dev}: a development network, created on the first run and resumed afterwards,
 * every validator running in the process until it is stopped (here: once the test has looked).
 */
class DevCommandTest {
  @TempDir static Path dir;
  static Path data;
  static Cli.Result firstRun;
  /** What the first run's network looked like while it ran. */
  static final List<Node> firstNodes = new ArrayList<>();
  static final Map<String, Optional<BlockHeader>> firstHeads = new TreeMap<>();
  static final Map<String, Boolean> demoOnChain = new TreeMap<>();
  static final Map<String, Integer> apiPorts = new TreeMap<>();
  static final Map<String, Boolean> demoCareOnChain = new TreeMap<>();

  @TempDir Path scratch;

  @BeforeAll
  static void runDevOnce() {
    data = dir.resolve("dev-network");
    firstRun = Cli.withoutPassphrase().whileRunning(service -> {
      LocalNetwork network = (LocalNetwork) service;
      firstNodes.addAll(network.nodes());
      for (Node node : network.nodes()) {
        firstHeads.put(node.id(), node.chain().header(node.chain().height()));
        apiPorts.put(node.id(), node.apiPort());
        for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
          demoOnChain.merge(identity.name(), node.chain().state()
              .get(IdentityKeys.identity(identity.organisation(), identity.name())).isPresent(), Boolean::logicalAnd);
        }
        org.medledger.contracts.policy.PatientId patient = PolicyArguments.patient(DevCommand.DEMO_PATIENT);
        demoCareOnChain.put(node.id(), org.medledger.contracts.consent.Consents.of(node.chain().state(), patient).size() == 1
            && org.medledger.contracts.relationship.RelationshipContract.relationships(node.chain().state(), patient)
                .size() == 1);
      }
    }).run(dev(data));
  }

  /** {@code dev --data DIR} on ports free now, so that a developer's own dev network does not get in the way. */
  static String[] dev(Path data, String... options) {
    int base = FreePorts.range(8);
    List<String> args = new ArrayList<>(List.of("dev", "--data", data.toString(),
        "--api-port", Integer.toString(base), "--consensus-port", Integer.toString(base + 4)));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  @Test
  void theFirstRunStartsEveryValidatorWithTheDemoIdentitiesOnOneChain() {
    assertSucceeded(firstRun);
    assertThat(firstNodes).extracting(Node::id)
        .containsExactly("validator-1", "validator-2", "validator-3", "validator-4");
    assertThat(new java.util.HashSet<>(firstHeads.values())).hasSize(1); // one head, the same everywhere
    assertThat(firstHeads.get("validator-1")).hasValueSatisfying(head -> assertThat(head.height()).isPositive());
    assertThat(demoOnChain).hasSize(DemoIdentities.ALL.size()).doesNotContainValue(false);
    assertThat(demoCareOnChain).as("the demo patient's consent and treating relationship on every validator")
        .hasSize(4).doesNotContainValue(false);
    assertThat(DemoIdentities.wallet(new NetworkLayout(data), DemoIdentities.byName("buster-hoeger"))
        .resolveSibling("consents")).isDirectory();
    apiPorts.forEach((id, port) -> assertThat(firstRun.out()).contains(id + ": https://127.0.0.1:" + port + "/v1/status"));
    assertThat(firstRun.out()).contains("consensus leader", "Ctrl-C stops every validator");
  }

  @Test
  void theFirstRunCreatesTheNetworkAndPrintsTheDemoWallets() {
    assertSucceeded(firstRun);
    assertThat(firstRun.out()).contains("creating a development network in " + data, "demo wallets",
        "'" + DevCommand.DEV_PASSPHRASE + "', development only");
    assertThat(new NetworkLayout(data).genesis()).isRegularFile();
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      Path wallet = DemoIdentities.wallet(new NetworkLayout(data), identity);
      assertThat(firstRun.out()).contains(identity.name() + " (" + identity.role().id() + ", "
          + identity.organisation() + "): " + wallet);
      assertThat(wallet).isRegularFile();
    }
  }

  @Test
  void theDemoWalletsHoldTheirRoleOpenWithTheDevelopmentPassphraseAndVerify() {
    Passphrase passphrase = Passphrase.of(DevCommand.DEV_PASSPHRASE.toCharArray());
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      Path wallet = DemoIdentities.wallet(new NetworkLayout(data), identity);

      Wallet opened = Wallet.read(wallet, passphrase);

      assertThat(opened.claims().name()).isEqualTo(identity.name());
      assertThat(opened.claims().role()).isEqualTo(identity.role());
      assertThat(opened.claims().organisation()).isEqualTo(identity.organisation());
      assertThat(opened.claims().attributes()).containsAllEntriesOf(identity.attributes());
      assertSucceeded(Cli.withoutPassphrase().run("ca", "verify", wallet.toString(), "--network", data.toString()));
    }
  }

  @Test
  void aSecondRunResumesTheSameChainAndChangesNoKeyOrCertificate() throws IOException {
    byte[] genesis = Files.readAllBytes(new NetworkLayout(data).genesis());
    DirectorySnapshot before = DirectorySnapshot.of(data.resolve("orgs"));
    Map<String, Optional<BlockHeader>> resumed = new TreeMap<>();

    Cli.Result secondRun = assertSucceeded(Cli.withoutPassphrase().whileRunning(service -> {
      for (Node node : ((LocalNetwork) service).nodes()) {
        resumed.put(node.id(), node.chain().header(firstHeads.get(node.id()).orElseThrow().height()));
      }
    }).run("dev", "--data", data.toString()));

    assertThat(secondRun.out()).contains("reusing the development network in " + data).doesNotContain("creating")
        .doesNotContain("enrolling");
    assertThat(resumed).isEqualTo(firstHeads);
    assertThat(Files.readAllBytes(new NetworkLayout(data).genesis())).isEqualTo(genesis);
    assertThat(DirectorySnapshot.of(data.resolve("orgs"))).isEqualTo(before);
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      assertThat(secondRun.out()).contains(DemoIdentities.wallet(new NetworkLayout(data), identity).toString());
    }
  }

  @Test
  void withMedledgerPassphraseSetTheDevelopmentPassphraseIsNeverUsed() {
    Path ownData = scratch.resolve("own-passphrase");

    Cli.Result result = assertSucceeded(Cli.withPassphrase().run(dev(ownData, "--validators", "1")));

    assertThat(result.out()).contains("from MEDLEDGER_PASSPHRASE").doesNotContain(DevCommand.DEV_PASSPHRASE);
    Path wallet = DemoIdentities.wallet(new NetworkLayout(ownData), DemoIdentities.ALL.get(0));
    assertThat(Wallet.read(wallet, Passphrase.of(Cli.PASSPHRASE.toCharArray())).claims().name())
        .isEqualTo(DemoIdentities.ALL.get(0).name());
    assertThatThrownBy(() -> Wallet.read(wallet, Passphrase.of(DevCommand.DEV_PASSPHRASE.toCharArray())))
        .isInstanceOf(DecryptionFailedException.class);
  }

  @Test
  void portsOutOfRangeAreRefusedAndNothingIsCreated() {
    Path fresh = scratch.resolve("bad-ports");

    assertRefused(Cli.withoutPassphrase().run("dev", "--data", fresh.toString(), "--api-port", "70000"), "port");
    assertRefused(Cli.withoutPassphrase().run("dev", "--data", fresh.toString(), "--consensus-port", "80"), "port");

    assertThat(fresh).doesNotExist();
    assertThat(DirectorySnapshot.of(scratch).entries()).containsOnlyKeys(".");
  }

  @Test
  void aDirectoryThatIsNotANetworkIsNeitherReusedNorChanged() throws IOException {
    Path notANetwork = Files.createDirectories(scratch.resolve("not-a-network"));
    Files.writeString(notANetwork.resolve("notes.txt"), "mine");
    DirectorySnapshot before = DirectorySnapshot.of(scratch);

    assertRefused(Cli.withoutPassphrase().run("dev", "--data", notANetwork.toString()), "no genesis.json");

    assertThat(DirectorySnapshot.of(scratch)).isEqualTo(before);
  }
}
