package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The network as operators run it: {@code network init}, then every validator in a process of its
 * own ({@code medledger node --config nodes/validator-N/node.yaml}), replicating over mutual TLS.
 * Transactions commit through any validator; with one validator killed (SIGKILL; the leader when
 * the logs tell which one it is) the other three are a majority and keep committing; the killed
 * one, launched again with the same configuration, catches up and takes transactions again, and
 * then all four serve the same block at every height, with every committed transaction on chain
 * exactly once.
 */
class MultiProcessNetworkTest {
  private static final Passphrase PASSPHRASE = Passphrase.of(Cli.PASSPHRASE.toCharArray());
  // generous: on a busy machine of two cores, four JVMs take 20 s or more to start together
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final int OUTPUT_TAIL_LINES = 40;
  private static final Pattern ROLE_CHANGE =
      Pattern.compile("(\\S+)@group-\\S+: changes role from +\\S+ to +(\\S+) at term (\\d+)");

  @TempDir Path temp;

  private final Map<String, NodeProcess> processes = new LinkedHashMap<>();
  private final Map<String, Integer> apiPorts = new LinkedHashMap<>();
  private final Map<String, TransactionSigner> registrars = new HashMap<>();
  private final List<String> committed = new ArrayList<>();
  private NetworkLayout layout;
  private String step = "network init";

  @AfterEach
  void stopEveryProcess() {
    processes.values().forEach(NodeProcess::requestStop); // SIGTERM to all first: they stop in parallel
    processes.values().forEach(process -> process.awaitStopped(STOP_GRACE)); // then SIGKILL what is left
  }

  @Test
  void validatorsInSeparateProcessesCommitSurviveAKilledPeerAndConvergeAfterItsRestart() throws Exception {
    try {
      scenario();
    } catch (Exception | AssertionError failure) {
      throw new AssertionError("while " + step + ": " + failure + "\n\nOutput of the validators:\n"
          + processes.values().stream().map(process -> process.tail(OUTPUT_TAIL_LINES))
              .collect(Collectors.joining("\n")), failure);
    }
  }

  private void scenario() throws Exception {
    TestNetwork network = TestNetwork.create(temp, "net", "--validators", "4");
    layout = network.layout();
    List<String> ids = layout.readGenesis().validators().stream().map(v -> v.id()).toList();
    assertThat(ids).hasSize(4);
    rewriteConfigsWithFreePorts(ids);

    step = "starting the validators";
    Path logs = Files.createDirectories(temp.resolve("logs"));
    ids.forEach(id -> processes.put(id, new NodeProcess(id, layout.nodeConfig(id), logs)));
    processes.values().forEach(NodeProcess::launch); // the JVMs start in parallel: that is most of the run time
    for (NodeProcess process : processes.values()) {
      process.awaitServing(START_TIMEOUT);
    }
    ids.forEach(this::awaitStatus);

    step = "committing through every validator";
    for (int round = 0; round < 2; round++) {
      for (String id : ids) {
        commitRegistrationThrough(id); // a follower passes it on to the leader
      }
    }
    awaitSameHead(ids);

    // the leader if the logs say which it is (the others must then elect another), else any one
    Optional<String> leader = leader();
    String victim = leader.orElse(ids.get(1));
    step = "committing without " + victim + (leader.isPresent() ? ", the leader," : "") + " killed (SIGKILL)";
    processes.get(victim).kill();
    List<String> survivors = ids.stream().filter(id -> !id.equals(victim)).toList();
    for (int round = 0; round < 2; round++) {
      for (String id : survivors) {
        commitRegistrationThrough(id); // three of four are a majority
      }
    }
    Head withoutVictim = awaitSameHead(survivors);

    step = "restarting " + victim;
    processes.get(victim).launch();
    processes.get(victim).awaitServing(START_TIMEOUT);
    awaitStatus(victim);
    step = "waiting for " + victim + " to catch up with block " + withoutVictim.height();
    Head caughtUp = awaitSameHead(ids);
    assertThat(caughtUp.height()).isGreaterThanOrEqualTo(withoutVictim.height());

    step = "committing through the restarted " + victim;
    commitRegistrationThrough(victim);
    Head last = awaitSameHead(ids);
    assertThat(last.height()).isGreaterThan(caughtUp.height());

    step = "comparing the validators' blocks 0 to " + last.height();
    assertSameBlocksWithEveryTransactionOnce(ids, last.height());
  }

  /** Every node.yaml on free loopback ports, each peers map listing every validator's new consensus address. */
  private void rewriteConfigsWithFreePorts(List<String> ids) throws IOException {
    // consecutive ports below the ephemeral range: no outgoing connection takes one while its validator is down
    int base = FreePorts.range(2 * ids.size());
    SortedMap<String, String> peers = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      apiPorts.put(ids.get(i), base + i);
      peers.put(ids.get(i), "127.0.0.1:" + (base + ids.size() + i));
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      NodeConfig read = NodeConfigFile.read(layout.nodeConfig(id));
      NodeConfig config = read.withApi(new NodeConfig.Listen("127.0.0.1", apiPorts.get(id)))
          .withConsensus(new NodeConfig.Consensus(new NodeConfig.Listen("127.0.0.1", base + ids.size() + i), peers,
              read.consensus().storage()));
      Files.writeString(layout.nodeConfig(id), NodeConfigFile.write(config));
    }
  }

  /**
   * The validator that last became leader, at the highest term, as the logs of the running ones
   * tell (Ratis logs each role change); empty if no log says.
   */
  private Optional<String> leader() {
    String leader = null;
    long leaderTerm = -1;
    for (NodeProcess process : processes.values()) {
      if (!process.isAlive()) {
        continue;
      }
      String role = null;
      long term = -1;
      Matcher change = ROLE_CHANGE.matcher(process.output());
      while (change.find()) {
        if (change.group(1).equals(process.id())) {
          role = change.group(2);
          term = Long.parseLong(change.group(3));
        }
      }
      if ("LEADER".equals(role) && term > leaderTerm) {
        leader = process.id();
        leaderTerm = term;
      }
    }
    return Optional.ofNullable(leader);
  }

  /** A new patient of St Mary's or City Clinic, registered by that organisation's registrar, through a validator. */
  private void commitRegistrationThrough(String id) {
    int n = committed.size() + 1;
    String org = n % 2 == 0 ? TestNetwork.ST_MARY : TestNetwork.CITY_CLINIC;
    SignedTransaction tx = registrars.computeIfAbsent(org, this::registrar).sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(IdentityClaims.of("patient-" + n, Role.PATIENT, OrganisationId.of(org))));
    CommittedTransaction result = client(id).submit(tx);
    assertThat(result.success()).as("registration %d through %s", n, id).isTrue();
    committed.add(tx.id().hex());
  }

  private TransactionSigner registrar(String org) {
    Wallet wallet = Wallet.read(layout.adminWallet(OrganisationId.of(org)), PASSPHRASE);
    return new TransactionSigner(layout.readGenesis().chainId(), wallet.signer(), wallet.certificate());
  }

  private void awaitStatus(String id) {
    eventually("an answer to GET /v1/status from " + id, START_TIMEOUT, () -> client(id).status());
  }

  private record Head(long height, String hash) {}

  /** Waits until these validators report the same head (height and hash), and returns it. */
  private Head awaitSameHead(List<String> ids) {
    return eventually("the same head on " + ids, CONVERGENCE_TIMEOUT, () -> {
      Map<String, Head> heads = new LinkedHashMap<>();
      for (String id : ids) {
        JsonNode status = client(id).status();
        heads.put(id, new Head(status.path("height").asLong(), status.path("lastBlockHash").asText()));
      }
      if (heads.values().stream().distinct().count() != 1) {
        throw new AssertionError("the heads differ: " + heads);
      }
      return heads.values().iterator().next();
    });
  }

  /**
   * Every validator serves the same block at every height (same hash), each block linked to the one
   * before; on that chain every committed registration appears once, and nothing else.
   */
  private void assertSameBlocksWithEveryTransactionOnce(List<String> ids, long height) throws Exception {
    List<String> onChain = new ArrayList<>();
    String previous = null;
    for (long h = 0; h <= height; h++) {
      long at = h;
      Map<String, CompletableFuture<JsonNode>> fetching = new TreeMap<>();
      ids.forEach(id -> fetching.put(id, CompletableFuture.supplyAsync(() -> client(id).block(at))));
      Map<String, String> hashes = new TreeMap<>();
      for (Map.Entry<String, CompletableFuture<JsonNode>> entry : fetching.entrySet()) {
        hashes.put(entry.getKey(), entry.getValue().get().path("hash").asText());
      }
      assertThat(hashes.values().stream().distinct()).as("the hashes of block %d: %s", h, hashes).hasSize(1);
      JsonNode block = fetching.get(ids.get(0)).get();
      assertThat(block.path("height").asLong()).isEqualTo(h);
      assertThat(block.path("hash").asText()).as("the hash of block %d", h).isNotBlank();
      if (previous != null) {
        assertThat(block.path("previousHash").asText()).as("block %d's link to block %d", h, h - 1)
            .isEqualTo(previous);
      }
      previous = block.path("hash").asText();
      block.path("transactions").forEach(tx -> onChain.add(tx.path("id").asText()));
    }
    assertThat(onChain).as("the transactions on chain").containsExactlyInAnyOrderElementsOf(committed);
  }

  /** The SDK's client of one validator, trusting the network's CAs. */
  private NodeClient client(String id) {
    return new NodeClient(URI.create("https://localhost:" + apiPorts.get(id)), layout.readGenesis().authorities());
  }


  /**
   * Retries the check until it passes (returns) or the time is up (then fails with its last
   * failure); fails at once if a validator exits without being asked to.
   */
  private <T> T eventually(String what, Duration timeout, Supplier<T> check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return check.get();
      } catch (AssertionError | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no " + what + " within " + timeout + ": " + e.getMessage(), e);
        }
      }
      for (NodeProcess process : processes.values()) {
        if (process.exitedUnexpectedly()) {
          throw new AssertionError(process.id() + " exited with " + process.exitCode() + " while waiting for " + what);
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }


}
