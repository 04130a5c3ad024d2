package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.ApiClient;
import org.medledger.node.TestNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.consensus.Replicator;
import org.medledger.node.producer.SoloLedger;
import org.medledger.pki.Role;

/**
 * What a submitter hears when its transaction is accepted but not committed: a commit timeout
 * (504), a full queue or a stopping node (503), a batch the log refused (500). The API runs over
 * a one-validator ledger wired as a node wires it ({@link SoloLedger}: real store, real one-peer
 * Ratis group), whose proposer here never cuts a batch by itself.
 *
 * <p>One test proposes to a {@link Replicator} that never completes (and another to one that
 * refuses every entry) instead of the Ratis group: that stands in for a log that does not commit
 * (or refuses) in time, which a healthy one-peer group cannot be made to do deterministically.
 * It is legitimate here because this test is about how the API maps the proposer's outcomes to
 * HTTP answers, not about consensus (the proposer and the log are tested in {@code ProposerTest}).
 */
@Timeout(120)
class ProducerErrorsApiTest {
  private static final NodeConfig.Batch NEVER = new NodeConfig.Batch(100_000, 10_000);
  private static final NodeConfig.Batch PROMPT = new NodeConfig.Batch(1000, 1);
  /** A log that accepts every entry and never commits any. */
  private static final Replicator NEVER_COMMITS = entry -> new CompletableFuture<>();

  @TempDir Path dir;

  private final TestNetwork network = new TestNetwork();
  private SoloLedger ledger;
  private ApiServer api;

  private ApiClient start(SoloLedger.Options options, Duration commitTimeout) {
    ledger = SoloLedger.start(network, dir, options);
    api = ApiServer.start(new NodeConfig.Listen("127.0.0.1", 0), network.tlsIdentity(),
        new NodeLedger(ledger.store(), ledger.proposer(), ledger.events(), java.util.Optional::empty, network.genesis(),
            org.medledger.node.consensus.Validators.of(ledger.store())),
        commitTimeout);
    return new ApiClient(api.port(), network.clientTls());
  }

  private ApiClient start(int maxPending, Duration commitTimeout) {
    return start(SoloLedger.Options.DEFAULT.batch(NEVER).maxPending(maxPending), commitTimeout);
  }

  @AfterEach
  void stop() {
    try {
      if (api != null) {
        api.close();
      }
    } finally {
      if (ledger != null) {
        ledger.close();
      }
    }
  }

  private SignedTransaction record(String name) {
    return network.registrar(TestNetwork.ORG).signer(network.chainId()).sign(IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, name, Role.NURSE).der());
  }

  private static JsonNode problem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = ApiClient.json(response);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    return problem;
  }

  private int pending(ApiClient client) {
    return ApiClient.json(client.get("/v1/status")).get("pending").asInt();
  }

  @Test
  void aTransactionStillQueuedWhenTheCommitTimeoutEndsIs504AndStaysPending() {
    ApiClient client = start(100, Duration.ofMillis(200));

    JsonNode problem = problem(client.submit(record("alice")), 504, "commit-timeout");

    assertThat(problem.get("detail").asText()).contains("GET /v1/transactions/");
    assertThat(pending(client)).isEqualTo(1);
    assertThat(ledger.store().height()).isZero();
  }

  @Test
  void aTransactionProposedButNotCommittedInTimeIs504AndStaysPending() {
    ApiClient client = start(SoloLedger.Options.DEFAULT.batch(PROMPT).proposerLog(log -> NEVER_COMMITS),
        Duration.ofMillis(300));

    JsonNode problem = problem(client.submit(record("alice")), 504, "commit-timeout");

    assertThat(problem.get("detail").asText()).contains("GET /v1/transactions/");
    assertThat(pending(client)).isEqualTo(1);
    assertThat(ledger.store().height()).isZero();
  }

  @Test
  void aBatchTheLogRefusesIs500CommitFailed() {
    ApiClient client = start(SoloLedger.Options.DEFAULT.batch(PROMPT)
        .proposerLog(log -> entry -> CompletableFuture.failedFuture(new IllegalStateException("no leader"))),
        Duration.ofSeconds(30));

    JsonNode problem = problem(client.submit(record("alice")), 500, "commit-failed");

    assertThat(problem.get("detail").asText()).contains("may or may not be on chain");
    assertThat(pending(client)).isZero();
  }

  @Test
  void aFullQueueIs503OverloadedWithRetryAfter() {
    ApiClient client = start(1, Duration.ofSeconds(30));
    CompletableFuture<Receipt> waiting = ledger.proposer().submit(record("alice"));

    HttpResponse<String> refused = client.submit(record("bob"));

    problem(refused, 503, "overloaded");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(waiting).isNotDone();
  }

  @Test
  void aStoppingProposerIs503NodeStopping() {
    ApiClient client = start(100, Duration.ofSeconds(30));
    ledger.proposer().close();

    HttpResponse<String> refused = client.submit(record("alice"));

    problem(refused, 503, "node-stopping");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(ledger.store().height()).isZero();
  }

  @Test
  void aTransactionWaitingWhenTheProposerStopsIs503NodeStopping() throws Exception {
    ApiClient client = start(100, Duration.ofSeconds(30));
    CompletableFuture<HttpResponse<String>> answer = client.submitAsync(record("alice"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (ledger.proposer().pending() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(ledger.proposer().pending()).as("the submission reached the proposer").isEqualTo(1);

    ledger.proposer().close();

    problem(answer.get(20, TimeUnit.SECONDS), 503, "node-stopping");
    assertThat(ledger.store().height()).isZero();
  }
}
