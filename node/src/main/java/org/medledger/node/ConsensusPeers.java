package org.medledger.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.config.NodeConfig;

/**
 * Where this validator listens for its peers and where it finds them, checked against the
 * genesis: every validator of the genesis has an address, and this one's port is the one it
 * listens on. A validator added later by governance lists itself and validators it can reach. A network of one validator may leave the peers out: it then listens on a free
 * loopback port.
 */
record ConsensusPeers(NodeConfig.Listen listen, Map<String, String> addresses) {

  static ConsensusPeers of(NodeConfig config, Genesis genesis, boolean joining) {
    NodeConfig.Consensus consensus = config.consensus();
    if (joining) {
      return joining(config, genesis);
    }
    if (consensus.peers().isEmpty()) {
      if (genesis.validators().size() != 1) {
        throw new NodeStartException("the configuration names no consensus peers, but chain '" + genesis.chainId()
            + "' has " + genesis.validators().size() + " validators: list each one's HOST:PORT under consensus.peers");
      }
      NodeConfig.Listen listen = consensus.listen().port() == 0
          ? new NodeConfig.Listen(consensus.listen().host(), freePort(consensus.listen().host())) : consensus.listen();
      return new ConsensusPeers(listen, Map.of(config.id(), listen.host() + ":" + listen.port()));
    }
    Map<String, String> addresses = new TreeMap<>(consensus.peers());
    for (Genesis.Validator validator : genesis.validators()) {
      if (!addresses.containsKey(validator.id())) {
        throw new NodeStartException("consensus.peers has no address for validator '" + validator.id() + "'");
      }
    }
    for (String id : addresses.keySet()) {
      if (genesis.validators().stream().noneMatch(v -> v.id().equals(id))) {
        throw new NodeStartException("consensus.peers names '" + id + "', which is not a validator of chain '"
            + genesis.chainId() + "'");
      }
    }
    requireOwnAddress(config, addresses);
    return new ConsensusPeers(consensus.listen(), addresses);
  }

  /**
   * A validator added by governance lists its own address and those of validators it can reach
   * (any of them: the group's leader is found through them).
   */
  private static ConsensusPeers joining(NodeConfig config, Genesis genesis) {
    Map<String, String> addresses = new TreeMap<>(config.consensus().peers());
    if (!addresses.containsKey(config.id()) || addresses.size() < 2) {
      throw new NodeStartException("'" + config.id() + "' is not a validator of the genesis of chain '"
          + genesis.chainId() + "': to join, list its own address and at least one running validator's under "
          + "consensus.peers");
    }
    requireOwnAddress(config, addresses);
    return new ConsensusPeers(config.consensus().listen(), addresses);
  }

  private static void requireOwnAddress(NodeConfig config, Map<String, String> addresses) {
    String own = addresses.get(config.id());
    if (!own.endsWith(":" + config.consensus().listen().port())) {
      throw new NodeStartException("this validator listens on port " + config.consensus().listen().port()
          + " but consensus.peers gives its address as " + own);
    }
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}
