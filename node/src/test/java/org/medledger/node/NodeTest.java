package org.medledger.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.config.NodeConfig;
import org.medledger.pki.Role;

/** Starting, stopping and restarting a node; what it refuses to start with. */
class NodeTest {
  private final TestNetwork network = new TestNetwork();
  private final List<Node> nodes = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void stopNodes() {
    nodes.forEach(Node::close);
  }

  private Node start(NodeConfig config) {
    Node node = Node.start(config, network.passphrase(), List.of(new EchoContract()));
    nodes.add(node);
    return node;
  }

  private ApiClient client(Node node) {
    return new ApiClient(node.apiPort(), network.clientTls());
  }

  @Test
  void aNewNodeWritesTheGenesisBlockAndReportsItsStatus() {
    Node node = start(network.writeNodeFiles(dir));

    JsonNode status = ApiClient.json(client(node).get("/v1/status"));

    assertThat(status.get("chainId").asText()).isEqualTo(network.chainId());
    assertThat(status.get("height").asLong()).isZero();
    assertThat(status.get("lastBlockHash").asText())
        .isEqualTo(GenesisBlock.of(network.genesis()).block().header().hash().hex());
    assertThat(status.get("validators")).extracting(JsonNode::asText).containsExactly(TestNetwork.VALIDATOR);
    assertThat(status.get("quorum").asInt()).isEqualTo(1);
    assertThat(status.get("pending").asInt()).isZero();
  }

  @Test
  void aRestartedNodeResumesWithItsHeightStateAndGenesisBlock() {
    NodeConfig config = network.writeNodeFiles(dir);
    Node first = start(config);
    ApiClient api = client(first);
    TestNetwork.Member alice = network.issue(TestNetwork.ORG, "alice", Role.PHYSICIAN);
    assertThat(api.submit(network.registrar(TestNetwork.ORG).signer(network.chainId())
        .sign(IdentityContract.RECORD, alice.der())).statusCode()).isEqualTo(200);
    SignedTransaction echo = alice.signer(network.chainId()).sign(EchoContract.ECHO, new byte[] {1, 2, 3});
    assertThat(api.submit(echo).statusCode()).isEqualTo(200);
    long height = first.chain().height();
    String block0 = ApiClient.json(api.get("/v1/blocks/0")).get("hash").asText();
    first.close();

    Node second = start(config);
    ApiClient again = client(second);

    assertThat(ApiClient.json(again.get("/v1/status")).get("height").asLong()).isEqualTo(height);
    assertThat(ApiClient.json(again.get("/v1/blocks/0")).get("hash").asText()).isEqualTo(block0);
    assertThat(second.chain().state().get(EchoContract.key(echo.id()))).hasValueSatisfying(
        value -> assertThat(value).containsExactly(1, 2, 3));
    assertThat(again.get("/v1/transactions/" + echo.id().hex()).statusCode()).isEqualTo(200);
    // alice's certificate is still on chain: she transacts again
    assertThat(again.submit(alice.signer(network.chainId()).sign(EchoContract.ECHO, new byte[] {4})).statusCode())
        .isEqualTo(200);
    assertThat(second.chain().height()).isEqualTo(height + 1);
  }

  @Test
  void aDataDirectoryOfAnotherNetworkIsRefused() {
    NodeConfig config = network.writeNodeFiles(dir);
    start(config).close();
    NodeConfig other = network.writeNodeFiles(dir.resolve("other"), network.genesis("medledger-other"),
        NodeConfig.Batch.DEFAULT);
    NodeConfig otherOnOurData = new NodeConfig(other.id(), other.genesis(), other.wallet(), other.tlsCertificate(),
        other.tlsKey(), config.data(), other.api(), other.batch());

    assertThatThrownBy(() -> start(otherOnOurData))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("another network's chain")
        .hasMessageContaining("medledger-other")
        .hasMessageContaining(network.chainId());
    // the data directory is untouched and still opens with its own genesis
    assertThat(start(config).chain().height()).isZero();
  }

  @Test
  void aNodeIdThatIsNoValidatorOfTheGenesisIsRefused() {
    NodeConfig config = network.writeNodeFiles(dir);
    NodeConfig stranger = new NodeConfig("validator-9", config.genesis(), config.wallet(), config.tlsCertificate(),
        config.tlsKey(), config.data(), config.api(), config.batch());

    assertThatThrownBy(() -> start(stranger))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("'validator-9' is not a validator")
        .hasMessageContaining(TestNetwork.VALIDATOR);
    assertThat(config.data()).doesNotExist();
  }

  @Test
  void aWalletOfAnotherIdentityIsRefused() throws Exception {
    NodeConfig config = network.writeNodeFiles(dir);
    network.writeWallet(config.wallet(), network.registrar(TestNetwork.ORG));

    assertThatThrownBy(() -> start(config))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("not that of validator 'validator-1'");
  }

  @Test
  void aWrongPassphraseIsAClearError() {
    NodeConfig config = network.writeNodeFiles(dir);

    assertThatThrownBy(() -> Node.start(config, Passphrase.of("wrong".toCharArray())))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("wrong passphrase")
        .hasMessageContaining(config.wallet().toString());
  }

  @Test
  void aDamagedGenesisFileIsAClearError() throws Exception {
    NodeConfig config = network.writeNodeFiles(dir);
    Files.writeString(config.genesis(), Files.readString(config.genesis()).replaceFirst("\\{", "{\"extra\": 1,"));

    assertThatThrownBy(() -> start(config))
        .isInstanceOf(NodeStartException.class)
        .hasMessageContaining("is not a valid genesis file")
        .hasMessageContaining("extra");
  }

  @Test
  void twoNodesOfTwoNetworksRunInOneJvm() {
    TestNetwork second = new TestNetwork("medledger-second");
    Node a = start(network.writeNodeFiles(dir.resolve("a")));
    Node b = Node.start(second.writeNodeFiles(dir.resolve("b")), second.passphrase());
    nodes.add(b);

    assertThat(ApiClient.json(client(a).get("/v1/status")).get("chainId").asText()).isEqualTo(network.chainId());
    assertThat(ApiClient.json(new ApiClient(b.apiPort(), second.clientTls()).get("/v1/status")).get("chainId").asText())
        .isEqualTo("medledger-second");
    assertThat(a.apiPort()).isNotEqualTo(b.apiPort());
  }

  @Test
  void aBusyApiPortIsAClearErrorAndLeavesTheDataDirectoryUsable() throws Exception {
    NodeConfig config = network.writeNodeFiles(dir);
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      NodeConfig clash = config.withApi(new NodeConfig.Listen("127.0.0.1", busy.getLocalPort()));

      assertThatThrownBy(() -> start(clash))
          .isInstanceOf(NodeStartException.class)
          .hasMessageContaining("could not listen on 127.0.0.1:" + busy.getLocalPort());
    }
    assertThat(start(config).chain().height()).isZero();
  }

  @Test
  void closingTwiceIsHarmless() {
    Node node = start(network.writeNodeFiles(dir));
    node.close();
    node.close();
  }
}
