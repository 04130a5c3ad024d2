package org.medledger.node;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.contracts.HealthContracts;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.pki.CertificateValidator;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.PkiException;
import org.medledger.pki.RevocationStatus;
import org.medledger.pki.Role;
import org.medledger.pki.ValidationResult;
import org.medledger.node.api.ApiServer;
import org.medledger.node.api.NodeLedger;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.consensus.LogApplier;
import org.medledger.node.consensus.Membership;
import org.medledger.node.consensus.NodeEvents;
import org.medledger.node.consensus.Sealer;
import org.medledger.node.consensus.Validators;
import org.medledger.node.consensus.ratis.RatisReplica;
import org.medledger.node.producer.ChainRules;
import org.medledger.node.producer.Proposer;
import org.medledger.node.producer.ValidatorKey;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.node.tls.TlsIdentity;
import org.medledger.node.tls.TlsMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-validator node, wired: genesis, validator wallet and TLS key, the chain store, the
 * block producer and the HTTPS API. {@link #start} checks that the configuration, the keys, the
 * genesis and the data directory all belong to one validator of one network before serving
 * anything; {@link #close()} stops the API, the producer and the store, in that order.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final String id;
  private final Genesis genesis;
  private final RocksChainStore store;
  private final Proposer proposer;
  private final RatisReplica replica;
  private final Membership membership;
  private final NodeEvents events;
  private final ApiServer api;
  private final int consensusPort;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Node(String id, Genesis genesis, RocksChainStore store, Proposer proposer, RatisReplica replica,
      Membership membership, NodeEvents events, ApiServer api, int consensusPort) {
    this.membership = membership;
    this.consensusPort = consensusPort;
    this.id = id;
    this.genesis = genesis;
    this.store = store;
    this.proposer = proposer;
    this.replica = replica;
    this.events = events;
    this.api = api;
  }

  /** Starts a node running every contract of a MedLedger chain: identity, governance and the health contracts. */
  public static Node start(NodeConfig config, Passphrase passphrase) {
    return start(config, passphrase, HealthContracts.all());
  }

  /**
   * Starts a node with the identity and governance contracts and these further contracts.
   *
   * @throws NodeStartException if the files or the data directory do not fit this validator of
   *     this network, or a key cannot be opened
   * @throws StorageException if the data directory is damaged or in use
   */
  public static Node start(NodeConfig config, Passphrase passphrase, List<Contract> extraContracts) {
    return start(config, passphrase, extraContracts, RatisReplica.Snapshots.DEFAULT);
  }

  /** As {@link #start(NodeConfig, Passphrase, List)}, with this snapshot policy (tests use tiny ones). */
  public static Node start(NodeConfig config, Passphrase passphrase, List<Contract> extraContracts,
      RatisReplica.Snapshots snapshots) {
    Genesis genesis = GenesisFile.read(config.genesis());
    NodeKeys.Wallet wallet = NodeKeys.readWallet(config.wallet(), passphrase);
    boolean joining = genesis.validators().stream().noneMatch(v -> v.id().equals(config.id()));
    if (joining) {
      requireValidatorOfConsortium(wallet.certificate(), genesis, config);
    } else {
      requireSameCertificate(wallet.certificate(), validator(genesis, config.id()), config);
    }
    TlsIdentity tls = NodeKeys.readTls(config.tlsCertificate(), config.tlsKey(), passphrase);
    ExecutedBlock genesisBlock = genesisBlock(genesis, config);
    ConsensusPeers peers = ConsensusPeers.of(config, genesis, joining);
    ValidatorKey key = new ValidatorKey(config.id(), wallet.signer());
    RocksChainStore store = RocksChainStore.open(config.data());
    List<AutoCloseable> started = new ArrayList<>();
    try {
      prepare(store, genesisBlock, config);
      IdentityDirectory identities = new IdentityDirectory();
      ChainRules rules = new ChainRules(genesis.chainId(), ConsortiumContracts.of(genesis, identities, extraContracts),
          identities, ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
      Validators validators = Validators.of(store);
      NodeEvents events = new NodeEvents(store, validators);
      LogApplier applier = new LogApplier(store, rules, validators, events);
      java.util.concurrent.CompletableFuture<Node> running = new java.util.concurrent.CompletableFuture<>();
      Runnable halting = () -> running.thenAcceptAsync(Node::close); // also if it halts while starting
      RatisReplica replica = RatisReplica.create(new RatisReplica.Settings(genesis.chainId(), config.id(),
          peers.listen().host(), peers.listen().port(), peers.addresses(), config.consensus().storage(),
          TlsMaterial.keyManager(tls), TlsMaterial.validatorsOf(genesis.authorities()), snapshots, joining), applier,
          store, halting);
      started.add(replica);
      Proposer proposer = Proposer.start(config.id(), store, rules, replica, config.batch(),
          Proposer.DEFAULT_MAX_PENDING, Clock.systemUTC());
      started.add(0, proposer);
      events.connect(proposer, new Sealer(key, validators, replica, Clock.systemUTC()));
      replica.start();
      Membership membership = Membership.start(validators, replica, peers.addresses());
      started.add(0, membership);
      ApiServer api = startApi(config, tls,
          new NodeLedger(store, proposer, events, replica::leader, genesis, validators));
      LOG.info("{} of chain {} at block {}, serving https://{}:{}/v1, consensus on {}{}", config.id(),
          genesis.chainId(), store.height(), config.api().host(), api.port(), peers.listen(),
          joining ? " (joining: not a validator of the genesis; waits until governance adds it)" : "");
      Node node = new Node(config.id(), genesis, store, proposer, replica, membership, events, api,
          peers.listen().port());
      running.complete(node);
      return node;
    } catch (RuntimeException e) {
      for (AutoCloseable part : started) {
        closeQuietly(part, e);
      }
      store.close();
      throw e instanceof IllegalStateException && !(e instanceof NodeStartException)
          ? new NodeStartException(e.getMessage(), e) : e;
    }
  }

  private static void closeQuietly(AutoCloseable part, RuntimeException failure) {
    try {
      part.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  private static ApiServer startApi(NodeConfig config, TlsIdentity tls, NodeLedger ledger) {
    try {
      return ApiServer.start(config.api(), tls, ledger);
    } catch (IllegalStateException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
  }

  private static Genesis.Validator validator(Genesis genesis, String id) {
    return genesis.validators().stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new NodeStartException("'" + id + "' is not a validator of chain '" + genesis.chainId()
            + "' (its validators: " + String.join(", ", genesis.validators().stream().map(Genesis.Validator::id)
                .toList()) + ")"));
  }

  /**
   * A validator that is not in the genesis joins through governance: its wallet must hold a
   * validator certificate of this name from a CA of the consortium. Whether it is in the validator
   * set is the chain's to say; until then it replicates nothing and seals nothing.
   */
  private static void requireValidatorOfConsortium(X509Certificate certificate, Genesis genesis, NodeConfig config) {
    IdentityClaims claims;
    try {
      claims = IdentityExtension.decode(certificate);
    } catch (PkiException e) {
      throw new NodeStartException("the wallet " + config.wallet() + " holds no MedLedger certificate");
    }
    if (claims.role() != Role.VALIDATOR || !claims.name().equals(config.id())) {
      throw new NodeStartException("'" + config.id() + "' is not a validator of the genesis of chain '"
          + genesis.chainId() + "', and the wallet " + config.wallet() + " holds a certificate of " + claims.role().id()
          + " '" + claims.name() + "', not of validator '" + config.id() + "'");
    }
    X509Certificate authority;
    try {
      authority = genesis.organisation(claims.organisation()).authority();
    } catch (IllegalArgumentException e) {
      throw new NodeStartException(e.getMessage());
    }
    ValidationResult valid = new CertificateValidator(List.of(authority), RevocationStatus.NONE)
        .validate(certificate, java.time.Instant.now());
    if (!valid.isValid()) {
      throw new NodeStartException("the certificate in " + config.wallet() + " is not valid: " + valid.detail());
    }
  }

  private static void requireSameCertificate(X509Certificate certificate, Genesis.Validator self, NodeConfig config) {
    if (!Arrays.equals(der(certificate), der(self.identity()))) {
      throw new NodeStartException("the wallet " + config.wallet() + " holds the certificate of "
          + certificate.getSubjectX500Principal().getName() + ", not that of validator '" + self.id()
          + "' in the genesis " + config.genesis());
    }
  }

  private static ExecutedBlock genesisBlock(Genesis genesis, NodeConfig config) {
    try {
      return GenesisBlock.of(genesis);
    } catch (IllegalArgumentException e) {
      throw new NodeStartException(config.genesis() + " does not make a valid genesis block: " + e.getMessage());
    }
  }

  /** Writes block 0 into an empty store, or checks that the stored one is this genesis's. */
  private static void prepare(MutableChain chain, ExecutedBlock genesisBlock, NodeConfig config) {
    Block expected = genesisBlock.block();
    if (chain.height() < 0) {
      chain.append(expected, genesisBlock.changes());
      return;
    }
    BlockHeader stored = chain.header(0).orElseThrow(() ->
        new StorageException("block 0 in " + config.data() + " is missing"));
    if (!stored.hash().equals(expected.header().hash())) {
      throw new NodeStartException("the data directory " + config.data() + " holds another network's chain: its "
          + "block 0 (chain '" + stored.chainId() + "', hash " + stored.hash().hex() + ") is not the one of "
          + config.genesis() + " (chain '" + expected.header().chainId() + "', hash " + expected.header().hash().hex()
          + "); refusing to start");
    }
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new NodeStartException("a certificate cannot be encoded: " + e.getMessage());
    }
  }

  /** This node's validator id. */
  public String id() {
    return id;
  }

  public Genesis genesis() {
    return genesis;
  }

  /** The node's chain, read only. */
  public ChainView chain() {
    return store;
  }

  /** The port on which this validator's consensus server listens for its peers. */
  public int consensusPort() {
    return consensusPort;
  }

  /** The port the HTTPS API listens on. */
  public int apiPort() {
    return api.port();
  }

  /** How many of this node's transactions wait for their block. */
  public int pending() {
    return proposer.pending();
  }

  /** The consensus leader as this node knows it. */
  public java.util.Optional<String> leader() {
    return replica.leader();
  }

  public boolean isLeader() {
    return replica.isLeader();
  }

  /** The highest block this node knows to be final. */
  public long finalHeight() {
    return events.finalHeight();
  }

  /** The voting members of the replication group as this validator knows them. */
  public java.util.Set<String> consensusMembers() {
    return replica.members().keySet();
  }

  /** Seals this node refused (a validator sealed another header, or a bad signature), latest last. */
  public List<NodeEvents.SealReport> rejectedSeals() {
    return events.rejectedSeals();
  }

  /** Stops the API, then the block producer, then closes the store; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    RuntimeException failure = null;
    for (AutoCloseable part : new AutoCloseable[] {api, membership, replica, proposer, store}) {
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("node " + id + " did not stop cleanly: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    LOG.info("{} stopped", id);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "Node[" + id + " of " + genesis.chainId() + "]";
  }
}
