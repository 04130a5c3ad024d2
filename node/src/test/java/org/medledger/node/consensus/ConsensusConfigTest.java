package org.medledger.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.Passphrase;
import org.medledger.node.Node;
import org.medledger.node.NodeStartException;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;

/**
 * A validator's consensus settings that do not fit its network are refused at start with a clear
 * error, before anything is created on disk.
 */
class ConsensusConfigTest {
  private static final Passphrase PASSPHRASE = Passphrase.of("correct horse battery staple".toCharArray());

  @TempDir Path dir;

  private NodeConfig withPeers(NodeConfig config, SortedMap<String, String> peers) {
    return config.withConsensus(new NodeConfig.Consensus(config.consensus().listen(), peers,
        config.consensus().storage()));
  }

  private void assertRefusedAndNothingCreated(NodeConfig config, String... fragments) {
    assertThatThrownBy(() -> Node.start(config, PASSPHRASE)).isInstanceOf(NodeStartException.class)
        .hasMessageContainingAll(fragments);
    assertThat(config.data()).doesNotExist();
    assertThat(config.consensus().storage()).doesNotExist();
  }

  @Test
  void peersThatLeaveOutAValidatorAreRefused() {
    ValidatorNetwork network = new ValidatorNetwork(dir, 4);
    NodeConfig config = network.config("validator-1");
    SortedMap<String, String> peers = new TreeMap<>(config.consensus().peers());
    peers.remove("validator-3");

    assertRefusedAndNothingCreated(withPeers(config, peers), "no address for validator 'validator-3'");
  }

  @Test
  void peersThatNameAStrangerAreRefused() {
    ValidatorNetwork network = new ValidatorNetwork(dir, 4);
    NodeConfig config = network.config("validator-1");
    SortedMap<String, String> peers = new TreeMap<>(config.consensus().peers());
    peers.put("validator-9", "127.0.0.1:1");

    assertRefusedAndNothingCreated(withPeers(config, peers), "'validator-9'", "not a validator");
  }

  @Test
  void anOwnAddressWithAnotherPortThanTheListenPortIsRefused() {
    ValidatorNetwork network = new ValidatorNetwork(dir, 4);
    NodeConfig config = network.config("validator-2");
    SortedMap<String, String> peers = new TreeMap<>(config.consensus().peers());
    peers.put("validator-2", "127.0.0.1:1");

    assertRefusedAndNothingCreated(withPeers(config, peers), "listens on port", "127.0.0.1:1");
  }

  @Test
  void aNetworkOfSeveralValidatorsNeedsItsPeersListed() {
    ValidatorNetwork network = new ValidatorNetwork(dir, 4);
    NodeConfig config = network.config("validator-1").withConsensus(NodeConfig.Consensus.SOLO);

    assertThatThrownBy(() -> Node.start(config, PASSPHRASE)).isInstanceOf(NodeStartException.class)
        .hasMessageContainingAll("no consensus peers", "4 validators");
    assertThat(config.data()).doesNotExist();
  }

  @Test
  void aMalformedPeerAddressInNodeYamlIsAClearError() throws Exception {
    ValidatorNetwork network = new ValidatorNetwork(dir, 4);
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, NodeConfigFile.write(network.config("validator-1"))
        .replaceFirst("\"127\\.0\\.0\\.1:(\\d+)\"", "\"no port here\""));

    assertThatThrownBy(() -> NodeConfigFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a HOST:PORT address");
  }
}
