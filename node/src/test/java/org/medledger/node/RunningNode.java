package org.medledger.node;

import java.nio.file.Path;
import java.util.List;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.node.config.NodeConfig;

/**
 * A test network with one node running on port 0 over a data directory, its API client, and
 * shortcuts to sign transactions. Close it in {@code @AfterEach}.
 */
public final class RunningNode implements AutoCloseable {
  private final TestNetwork network;
  private final Node node;
  private final ApiClient api;

  private RunningNode(TestNetwork network, Node node) {
    this.network = network;
    this.node = node;
    this.api = new ApiClient(node.apiPort(), network.clientTls());
  }

  /** Starts a node with the identity and echo contracts and the default batching. */
  public static RunningNode start(Path directory) {
    return start(directory, NodeConfig.Batch.DEFAULT);
  }

  public static RunningNode start(Path directory, NodeConfig.Batch batch) {
    TestNetwork network = new TestNetwork();
    NodeConfig config = network.writeNodeFiles(directory, network.genesis(), batch);
    return new RunningNode(network, Node.start(config, network.passphrase(), List.of(new EchoContract())));
  }

  public TestNetwork network() {
    return network;
  }

  public Node node() {
    return node;
  }

  public ApiClient api() {
    return api;
  }

  /** A transaction signed by a member for this network's chain. */
  public SignedTransaction sign(TestNetwork.Member member, TransactionType type, byte[] payload) {
    return member.signer(network.chainId()).sign(type, payload);
  }

  @Override
  public void close() {
    node.close();
  }
}
