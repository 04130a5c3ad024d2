package org.medledger.node.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.ApiClient;
import org.medledger.node.GenesisFile;
import org.medledger.node.LocalNetwork;
import org.medledger.node.Node;
import org.medledger.node.TestNetwork.Member;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.tls.TlsIdentity;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.CertificateProfile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Role;

/**
 * A network of n validators over two organisations, with every validator's files (genesis,
 * wallet, TLS key) written under a directory and a configuration with free ports: API on port 0,
 * consensus on ports free a moment before. Validators are started and stopped as the test says;
 * {@link #close()} stops those still running.
 */
final class ValidatorNetwork implements AutoCloseable {
  static final String ORG = "st-mary";
  static final String OTHER_ORG = "city-clinic";
  static final String CHAIN_ID = "medledger-consensus-test";

  private final Passphrase passphrase = Passphrase.of("correct horse battery staple".toCharArray());
  private final Instant issued = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
  private final Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
  private final Map<String, Member> registrars = new LinkedHashMap<>();
  private final Map<String, Member> validators = new LinkedHashMap<>();
  private final Map<String, Member> tls = new LinkedHashMap<>();
  private final Map<String, NodeConfig> configs = new LinkedHashMap<>();
  private final Map<String, Node> running = new LinkedHashMap<>();
  private final Map<String, String> joining = new LinkedHashMap<>();
  private final Genesis genesis;

  ValidatorNetwork(Path directory, int count) {
    for (String org : List.of(ORG, OTHER_ORG)) {
      authorities.put(org, CertificateAuthority.createRoot(OrganisationId.of(org),
          SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(), issued.minus(Duration.ofHours(1)), Duration.ofDays(3650)));
      registrars.put(org, issue(org, "admin", Role.REGISTRAR));
    }
    List<Genesis.Validator> entries = new ArrayList<>();
    SortedMap<String, String> peers = new TreeMap<>();
    for (int i = 1; i <= count; i++) {
      String id = "validator-" + i;
      String org = i % 2 == 1 ? ORG : OTHER_ORG;
      validators.put(id, issue(org, id, Role.VALIDATOR));
      KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
      tls.put(id, new Member(authorities.get(org).issueTls(keys.getPublic(),
          IdentityClaims.of(id, Role.VALIDATOR, OrganisationId.of(org)), List.of("localhost", "127.0.0.1"), issued,
          Duration.ofDays(730)), keys));
      entries.add(new Genesis.Validator(id, org, Pem.write(validators.get(id).certificate()),
          Pem.write(tls.get(id).certificate())));
      peers.put(id, "127.0.0.1:" + freePort());
    }
    List<Genesis.Organisation> organisations = new ArrayList<>();
    authorities.forEach((org, ca) -> organisations.add(new Genesis.Organisation(org, Pem.write(ca.certificate()),
        Pem.write(registrars.get(org).certificate()))));
    genesis = new Genesis(Genesis.FORMAT, CHAIN_ID, issued.plus(Duration.ofMinutes(30)), organisations, entries);
    for (String id : validators.keySet()) {
      configs.put(id, writeFiles(directory.resolve(id), id, peers));
    }
  }

  private String organisationOf(String id) {
    return genesis.validators().stream().filter(v -> v.id().equals(id)).map(Genesis.Validator::organisation)
        .findFirst().orElseGet(() -> joining.get(id));
  }

  /**
   * Writes the files of a validator that is not in the genesis: keys and certificates from its
   * organisation's CA, and a configuration listing the genesis validators and itself as peers.
   */
  NodeConfig prepareJoining(String id, String org) {
    joining.put(id, org);
    validators.put(id, issue(org, id, Role.VALIDATOR));
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    tls.put(id, new Member(authorities.get(org).issueTls(keys.getPublic(),
        IdentityClaims.of(id, Role.VALIDATOR, OrganisationId.of(org)), List.of("localhost", "127.0.0.1"), issued,
        Duration.ofDays(730)), keys));
    SortedMap<String, String> peers = new TreeMap<>(configs.values().iterator().next().consensus().peers());
    peers.put(id, "127.0.0.1:" + freePort());
    configs.put(id, writeFiles(configs.values().iterator().next().data().getParent().resolveSibling(id), id, peers));
    return configs.get(id);
  }

  Member tls(String id) {
    return tls.get(id);
  }

  private NodeConfig writeFiles(Path dir, String id, SortedMap<String, String> peers) {
    X509Certificate ca = authorities.get(organisationOf(id)).certificate();
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("genesis.json"), GenesisFile.write(genesis));
      Files.writeString(dir.resolve("node.wallet.pem"), EncryptedPrivateKeys.toPem(
          validators.get(id).keys().getPrivate(), passphrase) + Pem.write(validators.get(id).certificate(), ca));
      Files.writeString(dir.resolve("tls.crt"), Pem.write(tls.get(id).certificate(), ca));
      Files.writeString(dir.resolve("tls.key"), EncryptedPrivateKeys.toPem(tls.get(id).keys().getPrivate(), passphrase));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String address = peers.get(id);
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    return new NodeConfig(id, dir.resolve("genesis.json"), dir.resolve("node.wallet.pem"), dir.resolve("tls.crt"),
        dir.resolve("tls.key"), dir.resolve("data"), new NodeConfig.Listen("127.0.0.1", 0), NodeConfig.Batch.DEFAULT,
        new NodeConfig.Consensus(new NodeConfig.Listen("127.0.0.1", port), peers, dir.resolve("raft")));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts these validators together and waits until they agree on a leader. */
  List<Node> start(String... ids) {
    LocalNetwork started = LocalNetwork.start(Arrays.stream(ids).map(configs::get).toList(), passphrase,
        org.medledger.contracts.HealthContracts.all());
    started.nodes().forEach(node -> running.put(node.id(), node));
    started.awaitLeader(Duration.ofSeconds(30));
    return started.nodes();
  }

  /** Starts one validator alone (e.g. after a crash), without waiting for anything. */
  Node restart(String id) {
    Node node = Node.start(configs.get(id), passphrase);
    running.put(id, node);
    return node;
  }

  /** Stops one validator; its files stay. */
  void stop(String id) {
    Node node = running.remove(id);
    if (node != null) {
      node.close();
    }
  }

  Node node(String id) {
    return running.get(id);
  }

  List<Node> running() {
    return List.copyOf(running.values());
  }

  ApiClient api(String id) {
    return new ApiClient(running.get(id).apiPort(), trustingAuthorities());
  }

  Genesis genesis() {
    return genesis;
  }

  Member registrar(String org) {
    return registrars.get(org);
  }

  Member validator(String id) {
    return validators.get(id);
  }

  /** The validator's TLS identity, as its node reads it. */
  TlsIdentity tlsIdentity(String id) {
    return new TlsIdentity(tls.get(id).keys().getPrivate(), List.of(tls.get(id).certificate(),
        authorities.get(organisationOf(id)).certificate()));
  }

  NodeConfig config(String id) {
    return configs.get(id);
  }

  Member issue(String org, String name, Role role) {
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    return new Member(authorities.get(org).issue(keys.getPublic(), IdentityClaims.of(name, role, OrganisationId.of(org)),
        CertificateProfile.forRole(role), issued, Duration.ofDays(365)), keys);
  }

  private SSLContext trustingAuthorities() {
    return org.medledger.node.TestNetwork.trusting(authorities.values().stream()
        .map(CertificateAuthority::certificate).toArray(X509Certificate[]::new));
  }


  /** Stops every validator still running. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (String id : List.copyOf(running.keySet())) {
      try {
        stop(id);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
