package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.ApiClient;
import org.medledger.node.RunningNode;
import org.medledger.node.TestNetwork;
import org.medledger.pki.Role;

/** {@code GET /v1/blocks/{height}} and {@code GET /v1/status} on a running node. */
@Timeout(120)
class BlocksApiTest {
  @TempDir Path dir;

  private RunningNode node;
  private ApiClient api;

  @BeforeEach
  void startNode() {
    node = RunningNode.start(dir);
    api = node.api();
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  @Test
  void theGenesisBlockIsServedFinalWithoutSeals() {
    Block genesis = GenesisBlock.of(node.network().genesis()).block();

    JsonNode block = ApiClient.json(api.get("/v1/blocks/0"));

    assertThat(block.get("height").asLong()).isZero();
    assertThat(block.get("hash").asText()).isEqualTo(genesis.header().hash().hex());
    assertThat(block.get("previousHash").asText()).isEqualTo("00".repeat(32));
    assertThat(block.get("proposer").asText()).isEqualTo(GenesisBlock.PROPOSER);
    assertThat(block.get("timestamp").asText()).isEqualTo(genesis.header().timestamp().toString());
    assertThat(block.get("transactionCount").asLong()).isZero();
    assertThat(block.get("transactions")).isEmpty();
    assertThat(block.get("seals")).isEmpty(); // derived from the genesis file: final by construction
    assertThat(block.get("final").asBoolean()).isTrue();
    assertThat(LedgerCodec.decodeBlock(Base64.getDecoder().decode(block.get("encoded").asText()))).isEqualTo(genesis);
  }

  @Test
  void aBlockShowsItsHeaderTransactionsAndSealsAndLinksToItsPredecessor() {
    TestNetwork network = node.network();
    SignedTransaction record = node.sign(network.registrar(TestNetwork.ORG), IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "alice", Role.PATIENT).der());
    assertThat(api.submitFinal(record).statusCode()).isEqualTo(200);
    String genesisHash = ApiClient.json(api.get("/v1/blocks/0")).get("hash").asText();

    JsonNode block = ApiClient.json(api.get("/v1/blocks/1"));

    Block stored = node.node().chain().block(1).orElseThrow();
    assertThat(block.get("height").asLong()).isEqualTo(1);
    assertThat(block.get("hash").asText()).isEqualTo(stored.header().hash().hex());
    assertThat(block.get("previousHash").asText()).isEqualTo(genesisHash);
    assertThat(block.get("proposer").asText()).isEqualTo(TestNetwork.VALIDATOR);
    assertThat(block.get("transactionsRoot").asText()).isEqualTo(stored.header().transactionsRoot().hex());
    assertThat(block.get("resultsRoot").asText()).isEqualTo(stored.header().resultsRoot().hex());
    assertThat(block.get("stateRoot").asText()).isEqualTo(stored.header().stateRoot().hex());
    assertThat(block.get("transactionCount").asLong()).isEqualTo(1);
    JsonNode tx = block.get("transactions").get(0);
    assertThat(tx.get("id").asText()).isEqualTo(record.id().hex());
    assertThat(tx.get("type").asText()).isEqualTo("identity.certificate.record");
    assertThat(tx.get("signer").asText()).isEqualTo("admin@st-mary");
    assertThat(tx.get("success").asBoolean()).isTrue();
    assertThat(tx.get("code").asText()).isEqualTo("ok");
    assertThat(block.get("seals")).extracting(JsonNode::asText).containsExactly(TestNetwork.VALIDATOR);
    assertThat(block.get("final").asBoolean()).isTrue();
    assertThat(LedgerCodec.decodeBlock(Base64.getDecoder().decode(block.get("encoded").asText()))).isEqualTo(stored);
    JsonNode status = ApiClient.json(api.get("/v1/status"));
    assertThat(status.get("height").asLong()).isEqualTo(1);
    assertThat(status.get("lastBlockHash").asText()).isEqualTo(block.get("hash").asText());
  }

  @Test
  void aHeightBeyondTheHeadIs404() {
    HttpResponse<String> response = api.get("/v1/blocks/1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiClient.json(response).get("code").asText()).isEqualTo("unknown-block");
    assertThat(api.get("/v1/blocks/999999999999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void aHeightThatIsNoNumberIs400() {
    for (String height : new String[] {"one", "-1", "1.5", "0x10", "9999999999999999999999"}) {
      HttpResponse<String> response = api.get("/v1/blocks/" + height);
      assertThat(response.statusCode()).as(height).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(ApiClient.json(response).get("code").asText()).isEqualTo("malformed-height");
    }
  }
}
