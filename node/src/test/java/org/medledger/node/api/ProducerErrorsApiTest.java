package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.ApiClient;
import org.medledger.node.TestNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.producer.BlockProducer;
import org.medledger.node.producer.ChainRules;
import org.medledger.node.producer.ValidatorKey;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.Role;

/**
 * What a submitter hears when its transaction is accepted but not committed: a commit timeout
 * (504), a full queue or a stopping node (503). The producer here never cuts a block by itself.
 */
@Timeout(120)
class ProducerErrorsApiTest {
  private static final NodeConfig.Batch NEVER = new NodeConfig.Batch(100_000, 10_000);

  @TempDir Path dir;

  private final TestNetwork network = new TestNetwork();
  private RocksChainStore store;
  private BlockProducer producer;
  private ApiServer api;

  private ApiClient start(int maxPending, Duration commitTimeout) {
    store = RocksChainStore.open(dir.resolve("data"));
    ExecutedBlock genesis = GenesisBlock.of(network.genesis());
    store.append(genesis.block(), genesis.changes());
    IdentityDirectory identities = new IdentityDirectory();
    ChainRules rules = new ChainRules(network.chainId(), new ContractRegistry(List.of(new IdentityContract(identities))),
        identities, ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    producer = BlockProducer.start(store, rules, new ValidatorKey(TestNetwork.VALIDATOR,
        SignatureScheme.ECDSA_P256_SHA256.signer(network.validator().keys())), NEVER, maxPending, Clock.systemUTC());
    api = ApiServer.start(new NodeConfig.Listen("127.0.0.1", 0), network.tlsIdentity(),
        new NodeLedger(store, producer, network.genesis()), commitTimeout);
    return new ApiClient(api.port(), network.clientTls());
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    if (producer != null) {
      producer.close();
    }
    if (store != null) {
      store.close();
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

  @Test
  void aTransactionNotCommittedInTimeIs504AndStaysPending() {
    ApiClient client = start(100, Duration.ofMillis(200));

    JsonNode problem = problem(client.submit(record("alice")), 504, "commit-timeout");

    assertThat(problem.get("detail").asText()).contains("GET /v1/transactions/");
    assertThat(ApiClient.json(client.get("/v1/status")).get("pending").asInt()).isEqualTo(1);
  }

  @Test
  void aFullQueueIs503OverloadedWithRetryAfter() {
    ApiClient client = start(1, Duration.ofSeconds(30));
    CompletableFuture<Receipt> waiting = producer.submit(record("alice"));

    HttpResponse<String> refused = client.submit(record("bob"));

    problem(refused, 503, "overloaded");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(waiting).isNotDone();
  }

  @Test
  void aStoppingProducerIs503NodeStopping() {
    ApiClient client = start(100, Duration.ofSeconds(30));
    producer.close();

    problem(client.submit(record("alice")), 503, "node-stopping");
    assertThat(store.height()).isZero();
  }
}
