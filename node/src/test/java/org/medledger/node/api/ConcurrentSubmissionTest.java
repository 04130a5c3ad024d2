package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.ApiClient;
import org.medledger.node.EchoContract;
import org.medledger.node.RunningNode;
import org.medledger.node.TestNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.pki.Role;

/** Many clients at once: every transaction commits once, in blocks of many transactions. */
@Timeout(300)
class ConcurrentSubmissionTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 250;
  private static final int IN_FLIGHT_PER_THREAD = 32;
  /**
   * Blocks are cut at 50 waiting transactions (or after a second): with up to 128 in flight, full
   * blocks whatever the speed of this machine.
   */
  private static final NodeConfig.Batch BATCH = new NodeConfig.Batch(50, 1000);

  @TempDir Path dir;

  private RunningNode node;
  private ExecutorService clients;

  @BeforeEach
  void startNode() {
    node = RunningNode.start(dir, BATCH);
    clients = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
    node.close();
  }

  @Test
  void concurrentSubmissionsAllCommitInBatches() throws Exception {
    TestNetwork network = node.network();
    List<TestNetwork.Member> senders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      TestNetwork.Member sender = network.issue(TestNetwork.ORG, "sender-" + t, Role.PHYSICIAN);
      assertThat(node.api().submit(node.sign(network.registrar(TestNetwork.ORG), IdentityContract.RECORD, sender.der()))
          .statusCode()).isEqualTo(200);
      senders.add(sender);
    }
    long before = node.node().chain().height();

    List<Future<List<SignedTransaction>>> work = new ArrayList<>();
    for (TestNetwork.Member sender : senders) {
      work.add(clients.submit(() -> submitAll(sender)));
    }
    List<SignedTransaction> committed = new ArrayList<>();
    for (Future<List<SignedTransaction>> done : work) {
      committed.addAll(done.get());
    }

    assertThat(committed).hasSize(THREADS * PER_THREAD);
    ChainView chain = node.node().chain();
    Set<Long> blocks = new HashSet<>();
    for (SignedTransaction tx : committed) {
      TransactionLocation location = chain.locate(tx.id()).orElseThrow();
      assertThat(chain.block(location.height()).orElseThrow().transactions().get(location.index())).isEqualTo(tx);
      blocks.add(location.height());
    }
    long total = 0;
    for (long h = before + 1; h <= chain.height(); h++) {
      long count = chain.header(h).orElseThrow().transactionCount();
      assertThat(count).as("block %d", h).isBetween(1L, (long) BATCH.maxTransactions());
      total += count;
    }
    assertThat(total).as("every transaction is on chain exactly once").isEqualTo(THREADS * PER_THREAD);
    assertThat(blocks.size()).as("blocks hold many transactions each").isLessThanOrEqualTo(THREADS * PER_THREAD / 4);
    assertThat(node.node().pending()).isZero();
  }

  /** Sends a sender's transactions, at most a few in flight, and checks each answer. */
  private List<SignedTransaction> submitAll(TestNetwork.Member sender) throws Exception {
    ApiClient api = node.api();
    Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_THREAD);
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    List<SignedTransaction> sent = new ArrayList<>();
    for (int i = 0; i < PER_THREAD; i++) {
      SignedTransaction tx = node.sign(sender, EchoContract.ECHO, new byte[] {(byte) i, (byte) (i >> 8)});
      sent.add(tx);
      inFlight.acquire();
      answers.add(api.submitAsync(tx).thenAccept(response -> check(response, tx))
          .whenComplete((ok, error) -> inFlight.release()));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    return sent;
  }

  private static void check(HttpResponse<String> response, SignedTransaction tx) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode receipt = ApiClient.json(response);
    assertThat(receipt.get("transactionId").asText()).isEqualTo(tx.id().hex());
    assertThat(receipt.get("success").asBoolean()).isTrue();
  }
}
