package org.medledger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.client.network.NetworkLayout;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessKeys;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.LocalNetwork;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.pki.OrganisationId;

/**
 * The access workload against real validators (two, to keep the test short) in this JVM, as
 * {@link BenchValidators} runs them with {@link BenchContracts}, consensus on free ports: the
 * set-up enrols physicians and patients with relationships and consents through the API, the
 * requests commit with the expected mix of permits and denials as
 * the receipts report it, and a denied request's decision is recorded on every validator. The echo
 * workload still runs on the same network; a refused set-up transaction is a clear error.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AccessWorkloadTest {
  private static final int ORGANISATIONS = 2;
  private static final int VALIDATORS = 2;

  @TempDir static Path dir;
  private static LocalNetwork validators;
  private static Path network;
  private static LoadSigners registrars;
  private static Targets targets;

  @BeforeAll
  static void startFourValidators() {
    network = dir.resolve("net");
    Genesis genesis = BenchNetwork.create(network, ORGANISATIONS, VALIDATORS, SignatureScheme.ECDSA_P256_SHA256);
    NetworkLayout layout = BenchNetwork.layout(network);
    SortedMap<String, String> peers = new TreeMap<>();
    Map<String, Integer> ports = new TreeMap<>();
    for (Genesis.Validator validator : genesis.validators()) {
      int port = freePort();
      ports.put(validator.id(), port);
      peers.put(validator.id(), "127.0.0.1:" + port);
    }
    List<NodeConfig> configs = genesis.validators().stream().map(v -> {
      NodeConfig read = NodeConfigFile.read(layout.nodeConfig(v.id())).withApi(new NodeConfig.Listen("127.0.0.1", 0));
      return read.withConsensus(new NodeConfig.Consensus(new NodeConfig.Listen("127.0.0.1", ports.get(v.id())), peers,
          read.consensus().storage()));
    }).toList();
    validators = LocalNetwork.start(configs, BenchNetwork.passphrase(), BenchContracts.all());
    validators.awaitLeader(Duration.ofSeconds(60));
    registrars = LoadSigners.of(network, BenchNetwork.passphrase());
    targets = new Targets(validators.nodes().stream().map(n -> URI.create("https://127.0.0.1:" + n.apiPort()))
        .toList(), genesis.authorities());
  }

  @AfterAll
  static void stop() {
    if (validators != null) {
      validators.close();
    }
  }

  @Test
  void setUpThenRequestsCommitWithTheExpectedPermitsAndDenials() throws Exception {
    AccessMix mix = new AccessMix(ORGANISATIONS, 2, 2, 10);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    AccessWorkload workload = AccessWorkload.prepare(mix, registrars, network, BenchNetwork.passphrase(), targets,
        "t1", out);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("registered 8 identities on chain",
        "added 4 care-team relationships and 4 consents");

    List<SignedTransaction> requests = workload.sign(40, "load");
    assertThat(requests).extracting(tx -> tx.body().type()).containsOnly(
        AccessRequestContract.REQUEST);
    assertThat(requests).extracting(SignedTransaction::id).doesNotHaveDuplicates();
    assertThat(requests.stream().map(tx -> tx.body().signer()).distinct()).hasSize(4);
    SignatureCeiling.measure(requests, workload.keys()); // every signature verifies with the physicians' keys

    RunResult result = LoadRun.run("test", new ClosedLoop(8), requests, targets, out);

    assertThat(result.failures()).isEmpty();
    assertThat(result.committed()).isEqualTo(40);
    assertThat(result.decisions()).isEqualTo(workload.expectedDecisions(40)).isEqualTo(Map.of(
        "permit/treating-relationship", 20L, "permit/consent", 16L, "deny/sensitive-needs-consent", 4L));
    SignedTransaction denied = requests.get(9);
    awaitEveryValidator(validators.nodes(), denied);
    for (Node node : validators.nodes()) {
      DecisionRecord decision = node.chain().state().get(AccessKeys.decision(denied.id().hex()))
          .map(AccessCodec::decodeDecision).orElseThrow();
      assertThat(decision.decision().effect()).as(node.id()).isEqualTo(Decision.Effect.DENY);
      assertThat(decision.decision().reason().code()).isEqualTo("sensitive-needs-consent");
    }
  }

  @Test
  void theEchoWorkloadStillRunsOnTheSameValidators() throws Exception {
    EchoWorkload echo = new EchoWorkload(registrars, 64);
    RunResult result = LoadRun.run("echo", new ClosedLoop(4), echo.sign(12, "echo"), targets,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(result.committed()).isEqualTo(12);
    assertThat(result.failures()).isEmpty();
    assertThat(result.decisions()).isEmpty();
    assertThat(echo.expectedDecisions(12)).isEmpty();
  }

  @Test
  void aSetUpTransactionTheChainRefusesIsAnErrorNamingItsCode() {
    OrganisationId org = OrganisationId.of("org-1");
    SignedTransaction unknownPatient = registrars.registrar(org).sign(RelationshipContract.ADD,
        RelationshipCodec.addPayload(new Relationship(new PatientId(org, "nobody"), new Party.Organisation(org),
            Relationship.Kind.CARE_TEAM, Period.ALWAYS)));
    assertThatThrownBy(() -> new SetupCommits(targets).commitAll("relationships", List.of(unknownPatient)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("relationships").hasMessageContaining("unknown-patient");
  }

  @Test
  void aMixForAnotherNumberOfOrganisationsIsRefused() {
    AccessSetup setup = new AccessSetup(BenchNetwork.layout(network), BenchNetwork.passphrase(), registrars, targets,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThatThrownBy(() -> setup.run(new AccessMix(3, 1, 1, 10), "t2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 organisations");
  }

  private static void awaitEveryValidator(List<Node> nodes, SignedTransaction transaction) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (nodes.stream().anyMatch(n -> n.chain().state().get(AccessKeys.decision(transaction.id().hex())).isEmpty())) {
      assertThat(System.nanoTime()).as("every validator applies the request").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
