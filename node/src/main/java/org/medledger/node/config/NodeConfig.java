package org.medledger.node.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * How one node runs: its identity, where its files are, and where it listens. Paths are resolved
 * against the directory of the configuration file.
 *
 * @param id the validator id, as in the genesis file
 * @param genesis the genesis file
 * @param wallet the validator's wallet (encrypted signing key and certificate)
 * @param tlsCertificate the node's TLS certificate chain (PEM)
 * @param tlsKey the node's encrypted TLS key
 * @param data the data directory (chain, state, indexes)
 * @param api where the HTTPS API listens; port 0 picks a free port
 * @param batch how the block producer batches transactions
 */
public record NodeConfig(
    String id, Path genesis, Path wallet, Path tlsCertificate, Path tlsKey, Path data, Listen api, Batch batch,
    Consensus consensus) {

  /** A host and port to listen on. */
  public record Listen(String host, int port) {
    public Listen {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is out of range");
      }
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("a listen host is required");
      }
    }
  }

  /**
   * Block batching: a block is cut when this many transactions wait, or when the oldest has waited
   * this long.
   */
  public record Batch(int maxTransactions, int maxDelayMillis) {
    public static final Batch DEFAULT = new Batch(2000, 5);

    public Batch {
      if (maxTransactions < 1 || maxTransactions > 100_000 || maxDelayMillis < 0 || maxDelayMillis > 10_000) {
        throw new IllegalArgumentException("batch limits out of range (1-100000 transactions, 0-10000 ms)");
      }
    }
  }

  /**
   * The validators' replication: where this validator listens for its peers (mutual TLS), the
   * address of every validator of the group (this one included), and the directory of the
   * replicated log (by default {@code raft} beside the data directory). {@link #SOLO} (no peers)
   * suits a network of one validator: it listens on a free loopback port.
   */
  public record Consensus(Listen listen, java.util.SortedMap<String, String> peers, Path storage) {
    public static final Consensus SOLO = new Consensus(new Listen("127.0.0.1", 0), new java.util.TreeMap<>(), null);
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}");

    public Consensus {
      if (listen == null) {
        throw new IllegalArgumentException("consensus.listen (host, port) is required");
      }
      peers = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(peers == null ? Map.of() : peers));
      peers.forEach((id, address) -> {
        if (address == null || !ADDRESS.matcher(address).matches()) {
          throw new IllegalArgumentException("consensus.peers." + id + ": '" + address + "' is not a HOST:PORT address");
        }
      });
    }

    Consensus resolvedAgainst(Path directory) {
      return new Consensus(listen, peers, storage == null ? null : directory.resolve(storage));
    }
  }

  /** A configuration whose validator is the only one of its network. */
  public NodeConfig(
      String id, Path genesis, Path wallet, Path tlsCertificate, Path tlsKey, Path data, Listen api, Batch batch) {
    this(id, genesis, wallet, tlsCertificate, tlsKey, data, api, batch, Consensus.SOLO);
  }

  public NodeConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the node id is required");
    }
    for (Path p : new Path[] {genesis, wallet, tlsCertificate, tlsKey, data}) {
      if (p == null) {
        throw new IllegalArgumentException("genesis, wallet, tlsCertificate, tlsKey and data are required");
      }
    }
    if (api == null) {
      throw new IllegalArgumentException("api (host, port) is required");
    }
    batch = batch == null ? Batch.DEFAULT : batch;
    consensus = consensus == null ? Consensus.SOLO : consensus;
    if (consensus.storage() == null) {
      consensus = new Consensus(consensus.listen(), consensus.peers(), data.resolveSibling("raft"));
    }
  }

  /** The same configuration with every relative path resolved against a directory. */
  public NodeConfig resolvedAgainst(Path directory) {
    return new NodeConfig(id, directory.resolve(genesis), directory.resolve(wallet), directory.resolve(tlsCertificate),
        directory.resolve(tlsKey), directory.resolve(data), api, batch, consensus.resolvedAgainst(directory));
  }

  public NodeConfig withApi(Listen listen) {
    return new NodeConfig(id, genesis, wallet, tlsCertificate, tlsKey, data, listen, batch, consensus);
  }

  public NodeConfig withData(Path directory) {
    return new NodeConfig(id, genesis, wallet, tlsCertificate, tlsKey, directory, api, batch, consensus);
  }

  public NodeConfig withConsensus(Consensus next) {
    return new NodeConfig(id, genesis, wallet, tlsCertificate, tlsKey, data, api, batch, next);
  }
}
