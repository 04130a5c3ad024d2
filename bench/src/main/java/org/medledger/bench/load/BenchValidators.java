package org.medledger.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.medledger.client.network.NetworkLayout;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.LocalNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;

/**
 * Runs every validator of a network directory in this JVM (as {@code medledger dev} does), with
 * the health contracts and the test echo contract ({@link BenchContracts}: both workloads of
 * {@link LoadGenerator}), with the consensus ports of their {@code node.yaml} and
 * free API ports; writes the API URLs, comma-separated, to {@code --url-file} once a leader is
 * elected; prints every validator's height every 10 s; stops cleanly on SIGTERM/SIGINT.
 *
 * <p>The heap is measured only on request ({@code jcmd PID GC.run} then {@code GC.heap_info}) or
 * with {@code --heap-every S}: a forced full GC stops all four validators (0.3–0.4 s measured on
 * the 2-core machine), so forcing one every 10 s during a load run would show up in its latencies.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.medledger.bench.load.BenchValidators --network DIR [--url-file FILE]
 *     [--heap-every 0]
 * </pre>
 */
public final class BenchValidators {
  private BenchValidators() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Args a = new Args(args);
    Path network = Path.of(a.required("--network"));
    String urlFile = a.value("--url-file", "");
    int heapEvery = a.intValue("--heap-every", 0);
    a.done();
    NetworkLayout layout = BenchNetwork.layout(network);
    Genesis genesis = layout.readGenesis();
    List<NodeConfig> configs = genesis.validators().stream()
        .map(v -> NodeConfigFile.read(layout.nodeConfig(v.id())).withApi(new NodeConfig.Listen("127.0.0.1", 0)))
        .toList();

    long start = System.nanoTime();
    LocalNetwork nodes = LocalNetwork.start(configs, BenchNetwork.passphrase(), BenchContracts.all());
    String leader = nodes.awaitLeader(Duration.ofSeconds(60));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      nodes.close();
      stopped.countDown();
    }, "bench-validators-shutdown"));
    String urls = nodes.nodes().stream().map(n -> "https://127.0.0.1:" + n.apiPort()).collect(Collectors.joining(","));
    System.out.printf("%d validators serving %s; leader %s; up in %.1f s; pid %d%n", nodes.nodes().size(), urls, leader,
        (System.nanoTime() - start) / 1e9, ProcessHandle.current().pid());
    if (!urlFile.isEmpty()) {
      Files.writeString(Path.of(urlFile), urls + "\n");
    }
    long lastHeap = System.nanoTime();
    while (!stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
      String heights = nodes.nodes().stream().map(n -> n.id() + " " + n.chain().height())
          .collect(Collectors.joining(", "));
      if (heapEvery > 0 && System.nanoTime() - lastHeap >= heapEvery * 1_000_000_000L) {
        lastHeap = System.nanoTime();
        heights += "; " + BenchNode.heapAfterGc();
      }
      System.out.println(heights);
    }
  }
}
