package org.medledger.node;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.api.ApiServer;
import org.medledger.node.api.NodeLedger;
import org.medledger.node.api.TlsIdentity;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.producer.BlockProducer;
import org.medledger.node.producer.ChainRules;
import org.medledger.node.producer.ValidatorKey;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.rocksdb.RocksChainStore;
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
  private final BlockProducer producer;
  private final ApiServer api;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Node(String id, Genesis genesis, RocksChainStore store, BlockProducer producer, ApiServer api) {
    this.id = id;
    this.genesis = genesis;
    this.store = store;
    this.producer = producer;
    this.api = api;
  }

  /** Starts a node with the identity contract. */
  public static Node start(NodeConfig config, Passphrase passphrase) {
    return start(config, passphrase, List.of());
  }

  /**
   * Starts a node with the identity contract and further contracts.
   *
   * @throws NodeStartException if the files or the data directory do not fit this validator of
   *     this network, or a key cannot be opened
   * @throws StorageException if the data directory is damaged or in use
   */
  public static Node start(NodeConfig config, Passphrase passphrase, List<Contract> extraContracts) {
    Genesis genesis = GenesisFile.read(config.genesis());
    Genesis.Validator self = validator(genesis, config.id());
    NodeKeys.Wallet wallet = NodeKeys.readWallet(config.wallet(), passphrase);
    requireSameCertificate(wallet.certificate(), self, config);
    TlsIdentity tls = NodeKeys.readTls(config.tlsCertificate(), config.tlsKey(), passphrase);
    ExecutedBlock genesisBlock = genesisBlock(genesis, config);
    ValidatorKey key = new ValidatorKey(self.id(), wallet.signer());
    RocksChainStore store = RocksChainStore.open(config.data());
    BlockProducer producer = null;
    try {
      prepare(store, genesisBlock, key, config);
      IdentityDirectory identities = new IdentityDirectory();
      List<Contract> contracts = new ArrayList<>();
      contracts.add(new IdentityContract(identities));
      contracts.addAll(extraContracts);
      ChainRules rules = new ChainRules(genesis.chainId(), new ContractRegistry(contracts), identities,
          ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
      producer = BlockProducer.start(store, rules, key, config.batch(), BlockProducer.DEFAULT_MAX_PENDING,
          Clock.systemUTC());
      ApiServer api = startApi(config, tls, new NodeLedger(store, producer, genesis));
      LOG.info("{} of chain {} at block {}, serving https://{}:{}/v1", self.id(), genesis.chainId(), store.height(),
          config.api().host(), api.port());
      return new Node(self.id(), genesis, store, producer, api);
    } catch (RuntimeException e) {
      if (producer != null) {
        producer.close();
      }
      store.close();
      throw e;
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

  /**
   * Writes block 0 into an empty store, or checks that the stored one is this genesis's; then
   * seals the head if this validator's seal is missing (a fresh genesis, or a crash between
   * storing a block and sealing it).
   */
  private static void prepare(MutableChain chain, ExecutedBlock genesisBlock, ValidatorKey key, NodeConfig config) {
    Block expected = genesisBlock.block();
    if (chain.height() < 0) {
      chain.append(expected, genesisBlock.changes());
    } else {
      BlockHeader stored = chain.header(0).orElseThrow(() ->
          new StorageException("block 0 in " + config.data() + " is missing"));
      if (!stored.hash().equals(expected.header().hash())) {
        throw new NodeStartException("the data directory " + config.data() + " holds another network's chain: its "
            + "block 0 (chain '" + stored.chainId() + "', hash " + stored.hash().hex() + ") is not the one of "
            + config.genesis() + " (chain '" + expected.header().chainId() + "', hash " + expected.header().hash().hex()
            + "); refusing to start");
      }
    }
    long head = chain.height();
    if (chain.seals(head).stream().noneMatch(seal -> seal.validator().equals(key.id()))) {
      BlockHeader header = chain.header(head).orElseThrow(() ->
          new StorageException("the header of block " + head + " in " + config.data() + " is missing"));
      chain.addSeal(head, BlockSeal.sign(key.id(), key.signer(), header));
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

  /** The port the HTTPS API listens on. */
  public int apiPort() {
    return api.port();
  }

  /** How many transactions wait for a block. */
  public int pending() {
    return producer.pending();
  }

  /** Stops the API, then the block producer, then closes the store; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    RuntimeException failure = null;
    for (AutoCloseable part : new AutoCloseable[] {api, producer, store}) {
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
