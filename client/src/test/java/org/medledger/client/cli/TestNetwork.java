package org.medledger.client.cli;

import static org.medledger.client.cli.CliAssertions.assertSucceeded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;
import org.medledger.client.sdk.NodeClient;
import org.medledger.crypto.Passphrase;
import org.medledger.node.LocalNetwork;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import java.util.List;
import org.medledger.client.network.NetworkLayout;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;

/**
 * A network directory made by {@code medledger network init}, with shortcuts for the steps most
 * tests take on the way to what they check (register, enroll, revoke). Every step goes through
 * the command line and must succeed. A running network also has all its validators up in this
 * JVM (on free ports written into their {@code node.yaml}, data in a directory of their own), so
 * that the CA commands find them as a user's would; {@link #close()} stops them.
 */
final class TestNetwork implements AutoCloseable {
  static final String ST_MARY = "st-mary";
  static final String CITY_CLINIC = "city-clinic";
  static final String ACME_INSURANCE = "acme-insurance";

  static final String FIRST_VALIDATOR = "validator-1";

  private final Cli cli;
  private final Path root;
  private final Path wallets;
  private LocalNetwork nodes;
  private Path nodeData;

  private TestNetwork(Cli cli, Path root, Path wallets) {
    this.cli = cli;
    this.root = root;
    this.wallets = wallets;
  }

  /** The default network (3 organisations, 4 validators) with its first validator running. */
  static TestNetwork running(Path parent) {
    return running(parent, "network");
  }

  static TestNetwork running(Path parent, String name, String... initOptions) {
    TestNetwork network = create(parent, name, initOptions);
    network.startNodes();
    return network;
  }

  /**
   * Starts every validator of the network in this JVM, each on free ports written into its
   * {@code node.yaml} (so that the CLI finds them), with data outside the network directory.
   */
  private void startNodes() {
    try {
      nodeData = Files.createTempDirectory("medledger-test-nodes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> ids = layout().readGenesis().validators().stream().map(v -> v.id()).toList();
    java.util.SortedMap<String, String> peers = new java.util.TreeMap<>();
    ids.forEach(id -> peers.put(id, "127.0.0.1:" + freePort()));
    List<NodeConfig> configs = new ArrayList<>();
    for (String id : ids) {
      NodeConfig read = NodeConfigFile.read(layout().nodeConfig(id));
      String address = peers.get(id);
      NodeConfig config = new NodeConfig(id, read.genesis(), read.wallet(), read.tlsCertificate(), read.tlsKey(),
          nodeData.resolve(id).resolve("data"), new NodeConfig.Listen("127.0.0.1", freePort()), read.batch(),
          new NodeConfig.Consensus(new NodeConfig.Listen("127.0.0.1",
              Integer.parseInt(address.substring(address.indexOf(':') + 1))), peers, nodeData.resolve(id).resolve("raft")));
      try {
        Files.writeString(layout().nodeConfig(id), NodeConfigFile.write(config));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      configs.add(config);
    }
    try {
      nodes = LocalNetwork.start(configs, Passphrase.of(Cli.PASSPHRASE.toCharArray()),
          org.medledger.contracts.HealthContracts.all());
      nodes.awaitLeader(java.time.Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first validator's node. */
  Node node() {
    return nodes.node(FIRST_VALIDATOR);
  }

  /** The running node's API, trusting the network's CAs. */
  NodeClient client() {
    return new NodeClient(URI.create("https://localhost:" + node().apiPort()), layout().readGenesis().authorities());
  }

  /** Where the first validator keeps its chain. */
  Path nodeData() {
    return nodeData.resolve(FIRST_VALIDATOR).resolve("data");
  }

  /** Stops the nodes, keeping their data. */
  void stopNodes() {
    if (nodes != null) {
      nodes.close();
      nodes = null;
    }
  }

  /** Stops the node and deletes its data. */
  @Override
  public void close() {
    stopNodes();
    if (nodeData != null) {
      deleteRecursively(nodeData);
      nodeData = null;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The default network (3 organisations, 4 validators) in {@code parent/network}. */
  static TestNetwork create(Path parent) {
    return create(parent, "network");
  }

  /** A network in {@code parent/name}, created with the given extra {@code network init} options. */
  static TestNetwork create(Path parent, String name, String... initOptions) {
    Cli cli = Cli.withPassphrase();
    Path root = parent.resolve(name);
    List<String> args = new ArrayList<>(List.of("network", "init", "--out", root.toString()));
    args.addAll(List.of(initOptions));
    assertSucceeded(cli.run(args.toArray(String[]::new)));
    Path wallets = parent.resolve(name + "-wallets");
    try {
      Files.createDirectories(wallets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestNetwork(cli, root, wallets);
  }

  Path root() {
    return root;
  }

  String dir() {
    return root.toString();
  }

  NetworkLayout layout() {
    return new NetworkLayout(root);
  }

  Cli cli() {
    return cli;
  }

  /** A fresh path for a wallet, outside the network directory, that does not exist yet. */
  Path walletPath(String name) {
    return wallets.resolve(name + ".wallet.pem");
  }

  Path caCertificate(String org) {
    return layout().authorityCertificate(OrganisationId.of(org));
  }

  Path caKey(String org) {
    return layout().authorityKey(OrganisationId.of(org));
  }

  Path crl(String org) {
    return layout().authorityCrl(OrganisationId.of(org));
  }

  Path records(String org) {
    return layout().authorityRecords(OrganisationId.of(org));
  }

  Path adminWallet(String org) {
    return layout().adminWallet(OrganisationId.of(org));
  }

  /** {@code ca register}; returns the enrollment secret it printed. */
  String register(String org, String name, String role, String... options) {
    List<String> args = new ArrayList<>(List.of("ca", "register", "--network", dir(), "--org", org, "--name", name,
        "--role", role));
    args.addAll(List.of(options));
    return assertSucceeded(cli.run(args.toArray(String[]::new))).lastLine();
  }

  /** {@code ca enroll} into a new wallet; returns the wallet. */
  Path enroll(String org, String name, String secret, String key) {
    Path wallet = walletPath(name);
    assertSucceeded(cli.run("ca", "enroll", "--network", dir(), "--org", org, "--name", name, "--secret", secret,
        "--wallet", wallet.toString(), "--key", key));
    return wallet;
  }

  /** Registers and enrolls a new identity with an EC key; returns its wallet. */
  Path member(String org, String name, String role) {
    return member(org, name, role, "ec");
  }

  Path member(String org, String name, String role, String key) {
    return enroll(org, name, register(org, name, role), key);
  }

  Cli.Result verify(Path certificate) {
    return cli.run("ca", "verify", certificate.toString(), "--network", dir());
  }

  void revokeName(String org, String name, String reason) {
    assertSucceeded(cli.run("ca", "revoke", "--network", dir(), "--org", org, "--name", name, "--reason", reason));
  }

  /** The first certificate in a PEM file (a wallet's own certificate, a TLS or CA certificate). */
  static X509Certificate certificate(Path pemFile) {
    return Pem.certificate(read(pemFile));
  }

  static X509CRL crlIn(Path pemFile) {
    return Pem.crl(read(pemFile));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The serial number as {@code ca revoke --serial} takes it and the CA records it: lower-case hex. */
  static String serialHex(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }
}
