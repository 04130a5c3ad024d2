package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;
import static org.medledger.client.cli.TestNetwork.CITY_CLINIC;
import static org.medledger.client.cli.TestNetwork.ST_MARY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.Passphrase;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfigFile;

/**
 * {@code validator add|remove} and {@code governance approve} against a running network of three
 * organisations: a majority (two) carries a change out, the new validator joins, and bad input
 * changes nothing.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ValidatorCommandTest {
  private static final Pattern PROPOSAL = Pattern.compile("proposal ([0-9a-f]{64}):");

  @TempDir static Path dir;
  private static TestNetwork network;

  @BeforeAll
  static void start() {
    network = TestNetwork.running(dir);
  }

  @AfterAll
  static void stop() {
    network.close();
  }

  @Test
  void aNewValidatorIsProposedApprovedByASecondOrganisationAndJoins() throws Exception {
    int consensusPort = FreePorts.range(1);
    int apiPort = FreePorts.range(1);
    Cli.Result proposed = assertSucceeded(network.cli().run("validator", "add", "--network", network.dir(),
        "--org", ST_MARY, "--name", "validator-5", "--consensus-port", Integer.toString(consensusPort),
        "--api-port", Integer.toString(apiPort)));
    assertThat(proposed.out()).contains("registered validator 'validator-5' at st-mary",
        "add validator validator-5 of st-mary at 127.0.0.1:" + consensusPort, "approved by st-mary",
        "2 organisations needed", "governance approve");
    Path config = network.layout().nodeConfig("validator-5");
    assertThat(config).isRegularFile();
    assertThat(network.node().chain().state().get("governance/validators")).isPresent();

    String id = proposalOf(proposed);
    assertRefused(network.cli().run("governance", "approve", "--network", network.dir(), "--org", ST_MARY, id),
        "already-approved");

    try (Node joining = Node.start(NodeConfigFile.read(config), Passphrase.of(Cli.PASSPHRASE.toCharArray()))) {
      Cli.Result approved = assertSucceeded(network.cli().run("governance", "approve", "--network", network.dir(),
          "--org", CITY_CLINIC, id));
      assertThat(approved.out()).contains("city-clinic approved proposal " + id, "2 of 2",
          "carried out: from block", "validator-5");
      awaitJoined(joining);
      assertRefused(network.cli().run("governance", "approve", "--network", network.dir(), "--org",
          TestNetwork.ACME_INSURANCE, id), "proposal-closed");
    }
  }

  @Test
  void removingAValidatorThatIsNotOneIsRefusedByTheChain() {
    assertRefused(network.cli().run("validator", "remove", "--network", network.dir(), "--org", CITY_CLINIC,
        "--name", "validator-9"), "not-validator");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsCreated() throws Exception {
    String[] base = {"validator", "add", "--network", network.dir(), "--org", ST_MARY};
    assertRefused(network.cli().run(concat(base, "--name", "validator-6", "--consensus-port", "70000",
        "--api-port", "9000")), "--consensus-port must be a port");
    assertRefused(network.cli().run(concat(base, "--name", "bad/name", "--consensus-port", "9000",
        "--api-port", "9001")), "invalid name");
    assertRefused(network.cli().run(concat(base, "--name", "validator-1", "--consensus-port", "9000",
        "--api-port", "9001")), "already exists");
    assertRefused(network.cli().run(concat(base, "--name", "validator-6", "--host", "bad host!",
        "--consensus-port", "9000", "--api-port", "9001")), "not a host name");
    assertThat(network.layout().node("validator-6")).doesNotExist();
    assertRefused(network.cli().run("governance", "approve", "--network", network.dir(), "--org", ST_MARY, "abc"),
        "not a proposal id");
    assertRefused(network.cli().run("governance", "approve", "--network", network.dir(), "--org", ST_MARY,
        "00".repeat(32)), "unknown-proposal");
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static String proposalOf(Cli.Result result) {
    Matcher matcher = PROPOSAL.matcher(result.out());
    assertThat(matcher.find()).as(result.out()).isTrue();
    return matcher.group(1);
  }

  private static void awaitJoined(Node joining) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!(network.node().consensusMembers().contains("validator-5")
        && joining.chain().height() >= network.node().chain().height() - 1)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("validator-5 did not join: members " + network.node().consensusMembers()
            + ", heights " + joining.chain().height() + " / " + network.node().chain().height());
      }
      Thread.sleep(100);
    }
    assertThat(List.copyOf(joining.consensusMembers())).contains("validator-1", "validator-5");
  }
}
