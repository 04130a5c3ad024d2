package org.medledger.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;

/**
 * Runs one validator of a network directory, as {@code medledger node} does (health contracts
 * included), plus the test echo contract ({@link BenchContracts}: both workloads of {@link
 * LoadGenerator}); stops cleanly on SIGTERM/SIGINT. Writes its API URL to {@code --url-file} once
 * serving. With {@code --heap-every S} it prints the heap used after a full GC every S seconds.
 * With {@code --validator ID} it runs that validator of a network of several (its {@code node.yaml}
 * as written, consensus peers included, with the API on {@code --port}): one process per validator.
 *
 * <pre>
 * java [-Xmx512m] -cp bench/target/benchmarks.jar org.medledger.bench.load.BenchNode --network DIR \
 *     [--validator ID] [--port 0] [--batch-max 2000] [--batch-delay-ms 5] [--url-file FILE] [--heap-every 0]
 * </pre>
 */
public final class BenchNode {
  private BenchNode() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Args a = new Args(args);
    Path network = Path.of(a.required("--network"));
    int port = a.intValue("--port", 0);
    String validator = a.value("--validator", "");
    NodeConfig read = NodeConfigFile.read(validator.isEmpty() ? BenchNetwork.nodeConfig(network)
        : BenchNetwork.layout(network).nodeConfig(validator));
    NodeConfig.Batch batch = new NodeConfig.Batch(a.intValue("--batch-max", read.batch().maxTransactions()),
        a.intValue("--batch-delay-ms", read.batch().maxDelayMillis()));
    String urlFile = a.value("--url-file", "");
    int heapEvery = a.intValue("--heap-every", 0);
    a.done();
    NodeConfig config = validator.isEmpty()
        ? new NodeConfig(read.id(), read.genesis(), read.wallet(), read.tlsCertificate(), read.tlsKey(), read.data(),
            new NodeConfig.Listen("127.0.0.1", port), batch)
        : new NodeConfig(read.id(), read.genesis(), read.wallet(), read.tlsCertificate(), read.tlsKey(), read.data(),
            new NodeConfig.Listen("127.0.0.1", port), batch, read.consensus());

    long start = System.nanoTime();
    Node node = Node.start(config, BenchNetwork.passphrase(), BenchContracts.all());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      node.close();
      stopped.countDown();
    }, "bench-node-shutdown"));
    String url = "https://127.0.0.1:" + node.apiPort();
    System.out.printf("%s serving %s at height %d (batch %d tx / %d ms; started in %.1f s; pid %d)%n", node.id(), url,
        node.chain().height(), batch.maxTransactions(), batch.maxDelayMillis(), (System.nanoTime() - start) / 1e9,
        ProcessHandle.current().pid());
    System.out.println(heapAfterGc());
    if (!urlFile.isEmpty()) {
      Files.writeString(Path.of(urlFile), url + "\n");
    }
    while (!stopped.await(Math.max(1, heapEvery), java.util.concurrent.TimeUnit.SECONDS)) {
      if (heapEvery > 0) {
        System.out.printf("height %d, pending %d; %s%n", node.chain().height(), node.pending(), heapAfterGc());
      }
    }
  }

  /** The heap in use after a full collection, and its limit. */
  static String heapAfterGc() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return String.format("heap after GC: used %.1f MB, committed %.1f MB, max %.1f MB", heap.getUsed() / 1048576.0,
        heap.getCommitted() / 1048576.0, heap.getMax() / 1048576.0);
  }
}
