package org.medledger.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.contract.Contract;
import org.medledger.node.config.NodeConfig;

/**
 * Several validators of one network in this JVM (the development network, and tests): started
 * together, since none can commit anything before a majority runs, and stopped together.
 */
public final class LocalNetwork implements AutoCloseable {
  private final List<Node> nodes;

  private LocalNetwork(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Starts every configured validator at once; if one fails, stops the others and throws its error. */
  public static LocalNetwork start(List<NodeConfig> configs, Passphrase passphrase, List<Contract> extraContracts) {
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    List<CompletableFuture<Node>> starting = configs.stream()
        .map(config -> CompletableFuture.supplyAsync(() -> Node.start(config, passphrase, extraContracts), threads))
        .toList();
    threads.shutdown();
    List<Node> started = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<Node> future : starting) {
      try {
        started.add(future.join());
      } catch (CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    LocalNetwork network = new LocalNetwork(started);
    if (failure != null) {
      network.close();
      throw failure;
    }
    return network;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no validator '" + id + "' runs here"));
  }

  /**
   * Waits until the running validators agree on a leader, and returns it.
   *
   * @throws IllegalStateException if they do not within the timeout
   */
  public String awaitLeader(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Node> leader = nodes.stream().filter(Node::isLeader).findFirst();
      if (leader.isPresent() && nodes.stream().allMatch(n -> n.leader().equals(Optional.of(leader.get().id())))) {
        return leader.get().id();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("the validators did not agree on a leader within " + timeout);
  }

  /** Stops every validator (in parallel: each waits a moment for its peers to notice). */
  @Override
  public void close() {
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    List<CompletableFuture<Void>> stopping = nodes.stream()
        .map(node -> CompletableFuture.runAsync(node::close, threads)).toList();
    threads.shutdown();
    RuntimeException failure = null;
    for (CompletableFuture<Void> future : stopping) {
      try {
        future.join();
      } catch (CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
