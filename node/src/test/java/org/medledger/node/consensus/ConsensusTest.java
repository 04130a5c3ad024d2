package org.medledger.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.governance.ValidatorSet;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.receipt.ReceiptVerifier;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.ApiClient;
import org.medledger.node.Node;
import org.medledger.node.TestNetwork.Member;
import org.medledger.node.consensus.ratis.RatisClient;
import org.medledger.node.tls.TlsIdentity;
import org.medledger.node.tls.TlsMaterial;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * Several real validators in this JVM, replicating over Ratis with mutual TLS: identical chains
 * under concurrent load, a leader lost under load, seals that must not count, and finality that
 * needs 2f+1 seals.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsensusTest {
  private static final String[] FOUR = {"validator-1", "validator-2", "validator-3", "validator-4"};
  private static final Duration CONVERGENCE = Duration.ofSeconds(60);

  @TempDir Path dir;
  private ValidatorNetwork network;
  private final List<AutoCloseable> clients = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    for (AutoCloseable client : clients) {
      client.close();
    }
    if (network != null) {
      network.close();
    }
  }

  private SignedTransaction registration(String name) {
    return network.registrar(ValidatorNetwork.ORG).signer(ValidatorNetwork.CHAIN_ID).sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(IdentityClaims.of(name, Role.PATIENT, OrganisationId.of(ValidatorNetwork.ORG))));
  }

  @Test
  void fourValidatorsEndWithIdenticalChainsAfterConcurrentLoadThroughEveryNode() {
    network = new ValidatorNetwork(dir, 4);
    network.start(FOUR);
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    List<SignedTransaction> sent = new ArrayList<>();
    for (String id : FOUR) {
      ApiClient api = network.api(id);
      for (int i = 0; i < 25; i++) {
        SignedTransaction tx = registration("patient-" + id + "-" + i);
        sent.add(tx);
        responses.add(api.submitAsync(tx));
      }
    }
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      HttpResponse<String> answer = response.join();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(ApiClient.json(answer).get("success").asBoolean()).isTrue();
    }

    List<Node> nodes = network.running();
    long height = awaitSameFinalChain(nodes);
    for (Node node : nodes) {
      for (SignedTransaction tx : sent) {
        assertThat(node.chain().locate(tx.id())).as("%s on %s", tx.id(), node.id()).isPresent();
      }
      assertThat(node.chain().header(height).orElseThrow().stateRoot())
          .isEqualTo(nodes.get(0).chain().header(height).orElseThrow().stateRoot());
    }
  }

  @Test
  void theReceiptOfAFinalBlockCarriesAQuorumOfSealsAndVerifiesOffline() {
    network = new ValidatorNetwork(dir, 4);
    network.start(FOUR);

    HttpResponse<String> committed = network.api("validator-2").submitFinal(registration("pat-final"));

    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(committed);
    assertThat(body.get("final").asBoolean()).isTrue();
    ReceiptVerifier.Outcome outcome = new ReceiptVerifier(network.genesis()).verify(ApiClient.receipt(committed));
    assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    assertThat(outcome.seals()).isGreaterThanOrEqualTo(3);
    JsonNode status = ApiClient.json(network.api("validator-2").get("/v1/status"));
    assertThat(status.get("finalHeight").asLong()).isGreaterThanOrEqualTo(body.get("height").asLong());
    assertThat(status.get("height").asLong()).isGreaterThanOrEqualTo(status.get("finalHeight").asLong());
    assertThat(status.get("leader").asText()).isIn((Object[]) FOUR);
  }

  @Test
  void killingTheLeaderUnderLoadLosesNoAcknowledgedTransactionAndTheOldLeaderCatchesUp() throws Exception {
    network = new ValidatorNetwork(dir, 4);
    List<Node> nodes = network.start(FOUR);
    String leader = nodes.stream().filter(Node::isLeader).findFirst().orElseThrow().id();
    List<String> followers = nodes.stream().map(Node::id).filter(id -> !id.equals(leader)).toList();
    Set<Digest> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger sequence = new AtomicInteger();
    List<CompletableFuture<Void>> load = new ArrayList<>();
    for (String follower : followers) {
      ApiClient api = network.api(follower);
      load.add(CompletableFuture.runAsync(() -> {
        while (loading.get()) {
          SignedTransaction tx = registration("load-" + sequence.incrementAndGet());
          HttpResponse<String> answer = api.submit(tx);
          if (answer.statusCode() == 200) {
            acknowledged.add(tx.id());
          }
        }
      }));
    }
    awaitAtLeast(acknowledged, 20);
    network.stop(leader);
    int beforeCrash = acknowledged.size();
    awaitAtLeast(acknowledged, beforeCrash + 20); // the survivors elected a leader and go on
    loading.set(false);
    CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    List<Node> survivors = network.running();
    assertThat(survivors).extracting(Node::id).doesNotContain(leader);
    awaitSameFinalChain(survivors);
    for (Node node : survivors) {
      for (Digest id : acknowledged) {
        assertThat(node.chain().locate(id)).as("acknowledged %s on %s", id, node.id()).isPresent();
      }
    }

    network.restart(leader);
    long height = awaitSameFinalChain(network.running());
    assertThat(network.node(leader).chain().header(height)).isEqualTo(survivors.get(0).chain().header(height));
  }

  @Test
  void sealsThatMustNotCountAreRejectedAndReportedAndTheBlockIsFinalOnHonestSeals() {
    network = new ValidatorNetwork(dir, 4);
    network.start("validator-1", "validator-2", "validator-3"); // validator-4 misbehaves, as a client only
    HttpResponse<String> committed = network.api("validator-1").submitFinal(registration("pat-byzantine"));
    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
    long height = ApiClient.json(committed).get("height").asLong();
    BlockHeader header = network.node("validator-1").chain().header(height).orElseThrow();
    Member byzantine = network.validator("validator-4");
    RatisClient client = connectAs(network.tlsIdentity("validator-4"));
    BlockHeader other = new BlockHeader(header.chainId(), header.height(), header.previousHash(),
        header.transactionsRoot(), header.transactionCount(), header.resultsRoot(), Digest.sha256(new byte[] {1}),
        header.timestamp(), header.proposer());

    // a seal over another header, a seal in another validator's name, a seal by a non-validator
    client.replicate(seal(height, other, BlockSeal.sign("validator-4", signer(byzantine), other))).join();
    client.replicate(seal(height, header, BlockSeal.sign("validator-2", signer(byzantine), header))).join();
    client.replicate(seal(height, header, BlockSeal.sign("registrar", signer(network.registrar(ValidatorNetwork.ORG)),
        header))).join();

    for (Node node : network.running()) {
      awaitRejectedSeals(node, 3);
      assertThat(node.rejectedSeals()).extracting(NodeEvents.SealReport::reason).anySatisfy(
          reason -> assertThat(reason).contains("sealed header")).anySatisfy(
          reason -> assertThat(reason).contains("does not verify")).anySatisfy(
          reason -> assertThat(reason).contains("not a validator"));
      assertThat(node.chain().seals(height)).extracting(BlockSeal::validator)
          .containsExactlyInAnyOrder("validator-1", "validator-2", "validator-3");
    }
  }

  @Test
  void aPeerWithoutAValidatorCertificateOfTheConsortiumIsRefused() {
    network = new ValidatorNetwork(dir, 4);
    network.start(FOUR);
    long height = network.node("validator-1").chain().height();
    Member physician = network.issue(ValidatorNetwork.ORG, "dr-mallory", Role.PHYSICIAN);
    TlsIdentity person = new TlsIdentity(physician.keys().getPrivate(), List.of(physician.certificate()));
    RatisClient client = connectAs(person);
    byte[] batch = LogEntryCodec.encode(new LogEntry.TransactionBatch("validator-1", java.time.Instant.now(),
        List.of(registration("pat-smuggled").encoded())));

    assertThatThrownBy(() -> client.replicate(batch).get(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(network.node("validator-1").chain().height()).isEqualTo(height);
  }

  @Test
  void withFourOfSevenValidatorsBlocksCommitButNeverBecomeFinal() throws Exception {
    network = new ValidatorNetwork(dir, 7); // f = 2: finality needs 5 seals, Raft a majority of 4
    network.start("validator-1", "validator-2", "validator-3", "validator-4");

    HttpResponse<String> committed = network.api("validator-1").submit(registration("pat-unsealed"));

    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
    long height = ApiClient.json(committed).get("height").asLong();
    awaitSeals(network.node("validator-1"), height, 4);
    Thread.sleep(500);
    assertThat(network.node("validator-1").chain().seals(height)).hasSize(4);
    JsonNode later = ApiClient.json(network.api("validator-1").get("/v1/transactions/"
        + ApiClient.json(committed).get("transactionId").asText()));
    assertThat(later.get("final").asBoolean()).isFalse();
    ReceiptVerifier.Outcome outcome = new ReceiptVerifier(network.genesis()).verify(ApiClient.receipt(
        network.api("validator-1").get("/v1/transactions/" + ApiClient.json(committed).get("transactionId").asText())));
    assertThat(outcome.valid()).isFalse();
  }

  private RatisClient connectAs(TlsIdentity identity) {
    RatisClient client = RatisClient.connect(ValidatorNetwork.CHAIN_ID,
        network.config("validator-1").consensus().peers(), TlsMaterial.keyManager(identity),
        TlsMaterial.validatorsOf(network.genesis().authorities()));
    clients.add(client);
    return client;
  }

  private static byte[] seal(long height, BlockHeader header, BlockSeal seal) {
    return LogEntryCodec.encode(new LogEntry.SealVote(height, header.hash(), seal));
  }

  private static org.medledger.crypto.Signer signer(Member member) {
    return SignatureScheme.ECDSA_P256_SHA256.signer(member.keys());
  }

  /** Waits until the nodes hold the same chain, every block of it final; returns its height. */
  private static long awaitSameFinalChain(List<Node> nodes) {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (System.nanoTime() < deadline) {
      long height = nodes.get(0).chain().height();
      boolean same = nodes.stream().allMatch(n -> n.chain().height() == height
          && n.chain().header(height).equals(nodes.get(0).chain().header(height)));
      if (same && allFinal(nodes, height)) {
        for (long h = 0; h <= height; h++) {
          long at = h;
          assertThat(nodes).allSatisfy(n -> assertThat(n.chain().header(at)).isEqualTo(nodes.get(0).chain().header(at)));
        }
        return height;
      }
      pause();
    }
    throw new AssertionError("the validators did not converge on one final chain within " + CONVERGENCE + ": heights "
        + nodes.stream().map(n -> n.id() + "=" + n.chain().height()).toList());
  }

  private static boolean allFinal(List<Node> nodes, long height) {
    int quorum = ValidatorSet.quorum(nodes.get(0).genesis().validators().size());
    for (Node node : nodes) {
      for (long h = 1; h <= height; h++) {
        if (node.chain().seals(h).size() < quorum) {
          return false;
        }
      }
    }
    return true;
  }

  private static void awaitAtLeast(Set<Digest> acknowledged, int count) {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (acknowledged.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + acknowledged.size() + " transactions acknowledged, expected " + count);
      }
      pause();
    }
  }

  private static void awaitRejectedSeals(Node node, int count) {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (node.rejectedSeals().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(node.id() + " reported " + node.rejectedSeals());
      }
      pause();
    }
  }

  private static void awaitSeals(Node node, long height, int count) {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (node.chain().seals(height).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(node.id() + " has seals " + node.chain().seals(height) + " over block " + height);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
