package org.medledger.node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    Node[] started = new Node[configs.size()];
    RuntimeException failure = inParallel(java.util.stream.IntStream.range(0, configs.size())
        .mapToObj(i -> (Runnable) () -> started[i] = Node.start(configs.get(i), passphrase, extraContracts))
        .toList());
    LocalNetwork network = new LocalNetwork(java.util.Arrays.stream(started).filter(java.util.Objects::nonNull)
        .toList());
    if (failure != null) {
      network.close();
      throw failure;
    }
    return network;
  }

  /** Runs the tasks each on its own thread and waits for all; the first failure, the others suppressed in it. */
  private static RuntimeException inParallel(List<Runnable> tasks) {
    ExecutorService threads = Executors.newCachedThreadPool();
    List<CompletableFuture<Void>> running = tasks.stream().map(task -> CompletableFuture.runAsync(task, threads))
        .toList();
    threads.shutdown();
    RuntimeException failure = null;
    for (CompletableFuture<Void> future : running) {
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
    return failure;
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
    RuntimeException failure = inParallel(nodes.stream().map(node -> (Runnable) node::close).toList());
    if (failure != null) {
      throw failure;
    }
  }
}
