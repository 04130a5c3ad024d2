package org.medledger.node.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.EchoContract;
import org.medledger.node.TestNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.consensus.LogApplier;
import org.medledger.node.consensus.NodeEvents;
import org.medledger.node.consensus.Replicator;
import org.medledger.node.consensus.Sealer;
import org.medledger.node.consensus.Validators;
import org.medledger.node.consensus.ratis.RatisReplica;
import org.medledger.node.storage.ReplicatedChainStore;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.node.tls.TlsMaterial;

/**
 * A one-validator ledger wired as {@code Node.start} wires it, without the HTTPS API: a
 * RocksChainStore holding the genesis block, a {@link LogApplier}, {@link NodeEvents}, a real
 * one-peer Ratis group over mutual TLS on a free loopback port, the {@link Proposer} and a
 * {@link Sealer}. The chain, the Raft log and nothing else live under the given directory.
 *
 * <p>{@link #close()} stops the proposer, the replica and the store, in that order, each even if
 * another fails; a start that fails halfway closes what it had started.
 */
public final class SoloLedger implements AutoCloseable {
  /** How the ledger is set up; {@link #DEFAULT} batches as a node does by default. */
  public record Options(
      NodeConfig.Batch batch, int maxPending, Clock clock, UnaryOperator<ReplicatedChainStore> appliedStore,
      UnaryOperator<Replicator> proposerLog, boolean awaitLeader) {
    public static final Options DEFAULT = new Options(NodeConfig.Batch.DEFAULT, Proposer.DEFAULT_MAX_PENDING,
        Clock.systemUTC(), UnaryOperator.identity(), UnaryOperator.identity(), true);

    public Options {
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(appliedStore, "appliedStore");
      Objects.requireNonNull(proposerLog, "proposerLog");
    }

    public Options batch(NodeConfig.Batch next) {
      return new Options(next, maxPending, clock, appliedStore, proposerLog, awaitLeader);
    }

    public Options maxPending(int next) {
      return new Options(batch, next, clock, appliedStore, proposerLog, awaitLeader);
    }

    /** The proposer's clock (the proposed block times); the sealer keeps the real clock. */
    public Options clock(Clock next) {
      return new Options(batch, maxPending, next, appliedStore, proposerLog, awaitLeader);
    }

    /** Wraps the store the log is applied to (e.g. to make its writes fail). */
    public Options appliedStore(UnaryOperator<ReplicatedChainStore> next) {
      return new Options(batch, maxPending, clock, next, proposerLog, awaitLeader);
    }

    /** Wraps the replicator the proposer (not the sealer) proposes to. */
    public Options proposerLog(UnaryOperator<Replicator> next) {
      return new Options(batch, maxPending, clock, appliedStore, next, awaitLeader);
    }

    /** Whether {@link SoloLedger#start} returns only once the replica leads its group. */
    public Options awaitLeader(boolean next) {
      return new Options(batch, maxPending, clock, appliedStore, proposerLog, next);
    }
  }

  private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(20);

  private final TestNetwork network;
  private final RocksChainStore store;
  private final ChainRules rules;
  private final NodeEvents events;
  private final LogApplier applier;
  private final RatisReplica replica;
  private final Proposer proposer;
  private final List<AutoCloseable> closeInOrder;
  private boolean closed;

  private SoloLedger(TestNetwork network, RocksChainStore store, ChainRules rules, NodeEvents events,
      LogApplier applier, RatisReplica replica, Proposer proposer) {
    this.network = network;
    this.store = store;
    this.rules = rules;
    this.events = events;
    this.applier = applier;
    this.replica = replica;
    this.proposer = proposer;
    this.closeInOrder = List.of(proposer, replica, store);
  }

  /** The identity and echo contracts of this network, as a node with {@link EchoContract} runs them. */
  public static ChainRules rules(TestNetwork network) {
    IdentityDirectory identities = new IdentityDirectory();
    return new ChainRules(network.chainId(),
        new ContractRegistry(List.of(new IdentityContract(identities), new EchoContract())), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
  }

  public static SoloLedger start(TestNetwork network, Path directory) {
    return start(network, directory, Options.DEFAULT);
  }

  /** Starts the ledger of the network's validator; its chain in {@code directory/data}, its log in {@code directory/raft}. */
  public static SoloLedger start(TestNetwork network, Path directory, Options options) {
    RocksChainStore store = RocksChainStore.open(directory.resolve("data"));
    List<AutoCloseable> started = new ArrayList<>();
    started.add(store);
    try {
      ExecutedBlock genesis = GenesisBlock.of(network.genesis());
      store.append(genesis.block(), genesis.changes());
      ChainRules rules = rules(network);
      Validators validators = Validators.of(store);
      NodeEvents events = new NodeEvents(store, validators);
      LogApplier applier = new LogApplier(options.appliedStore().apply(store), rules, validators, events);
      int port = freePort();
      java.util.concurrent.CompletableFuture<Proposer> halted = new java.util.concurrent.CompletableFuture<>();
      RatisReplica replica = RatisReplica.create(new RatisReplica.Settings(network.chainId(), TestNetwork.VALIDATOR,
          "127.0.0.1", port, Map.of(TestNetwork.VALIDATOR, "127.0.0.1:" + port), directory.resolve("raft"),
          TlsMaterial.keyManager(network.tlsIdentity()), TlsMaterial.validatorsOf(network.genesis().authorities())),
          applier, () -> halted.thenAcceptAsync(Proposer::close)); // as a node stops when it cannot apply
      started.add(0, replica);
      Proposer proposer = Proposer.start(TestNetwork.VALIDATOR, store, rules, options.proposerLog().apply(replica),
          options.batch(), options.maxPending(), options.clock());
      started.add(0, proposer);
      halted.complete(proposer);
      ValidatorKey key = new ValidatorKey(TestNetwork.VALIDATOR,
          SignatureScheme.ECDSA_P256_SHA256.signer(network.validator().keys()));
      events.connect(proposer, new Sealer(key, validators, replica, Clock.systemUTC()));
      replica.start();
      if (options.awaitLeader()) {
        awaitLeader(replica);
      }
      return new SoloLedger(network, store, rules, events, applier, replica, proposer);
    } catch (RuntimeException | Error e) {
      for (AutoCloseable part : started) {
        try {
          part.close();
        } catch (Exception closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  private static void awaitLeader(RatisReplica replica) {
    long deadline = System.nanoTime() + LEADER_TIMEOUT.toNanos();
    while (!replica.isLeader()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the one-peer Ratis group elected no leader within " + LEADER_TIMEOUT);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a leader", e);
      }
    }
  }

  /** A free loopback port (free when asked: Ratis binds it a moment later). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  public TestNetwork network() {
    return network;
  }

  /** The real store (the applier may write through a wrapper of it). */
  public RocksChainStore store() {
    return store;
  }

  public ChainRules rules() {
    return rules;
  }

  public NodeEvents events() {
    return events;
  }

  public LogApplier applier() {
    return applier;
  }

  /** The replicated log itself (the proposer may propose through a wrapper of it). */
  public RatisReplica replica() {
    return replica;
  }

  public Proposer proposer() {
    return proposer;
  }

  /** Stops the proposer, the replica, then the store; each is closed even if another fails. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (AutoCloseable part : closeInOrder) {
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("the solo ledger did not stop cleanly: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
