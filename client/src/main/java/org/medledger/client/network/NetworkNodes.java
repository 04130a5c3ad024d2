package org.medledger.client.network;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.medledger.client.sdk.NodeClient;
import org.medledger.client.sdk.NodeException;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;

/**
 * Finds a running node of a network: the one given, or the first that answers among the nodes
 * configured in the network directory ({@code nodes/<id>/node.yaml}). A node that answers for
 * another chain does not count.
 */
public final class NetworkNodes {
  private final NetworkLayout layout;
  private final Genesis genesis;

  public NetworkNodes(NetworkLayout layout) {
    this.layout = layout;
    this.genesis = layout.readGenesis();
  }

  /** A client of a node of this network that answers now; a clear error if none does. */
  public NodeClient connect(Optional<URI> given) {
    given.ifPresent(NetworkNodes::requireNodeUrl);
    List<URI> candidates = given.map(List::of).orElseGet(this::configured);
    List<String> tried = new ArrayList<>();
    for (URI url : candidates) {
      NodeClient client = new NodeClient(url, genesis.authorities());
      try {
        String chainId = client.status().path("chainId").asText();
        if (chainId.equals(genesis.chainId())) {
          return client;
        }
        tried.add(url + " (serves chain '" + chainId + "', not '" + genesis.chainId() + "')");
      } catch (NodeException e) {
        tried.add(url + " (" + switch (e.code()) {
          case NodeException.NOT_RUNNING -> "not running";
          case NodeException.UNTRUSTED -> "not a node of this network: TLS certificate not from its CAs";
          default -> e.getMessage();
        } + ")");
      }
    }
    throw new NodeException(0, "unreachable", "no node of this network is running"
        + (tried.isEmpty() ? " (none is configured in " + layout.root() + ")" : "; tried " + String.join(", ", tried))
        + ". Start one with: medledger node --config " + layout.nodeConfig("<validator>")
        + ", or name one with --node URL");
  }

  private static void requireNodeUrl(URI url) {
    if (!"https".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 0
        || !(url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"))) {
      throw new IllegalArgumentException("--node must be a node's https://HOST:PORT address, not '" + url + "'");
    }
  }

  /** The API address of every node configured in the network directory, by validator id. */
  List<URI> configured() {
    return configs().stream().map(config -> url(config.api())).toList();
  }

  /** The configuration of every node in the network directory ({@code nodes/<id>/node.yaml}), by validator id. */
  public List<NodeConfig> configs() {
    Path nodes = layout.root().resolve("nodes");
    if (!Files.isDirectory(nodes)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(nodes)) {
      return dirs.map(dir -> dir.resolve("node.yaml")).filter(Files::isRegularFile).sorted()
          .map(NodeConfigFile::read).toList();
    } catch (IOException e) {
      throw new NetworkFileException("cannot list " + nodes + ": " + e.getMessage(), e);
    }
  }

  /** Where a client reaches a node listening on this address (a wildcard address means this host). */
  static URI url(NodeConfig.Listen listen) {
    String host = switch (listen.host()) {
      case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
      default -> listen.host().contains(":") && !listen.host().startsWith("[") ? "[" + listen.host() + "]" : listen.host();
    };
    return URI.create("https://" + host + ":" + listen.port());
  }
}
