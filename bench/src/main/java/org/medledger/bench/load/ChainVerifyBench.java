package org.medledger.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.node.verify.ChainReport;
import org.medledger.node.verify.ChainVerdict;
import org.medledger.node.verify.ChainVerifier;

/**
 * verify-chain over validator-1's data directory of a {@link BenchNetwork} (grown by
 * {@link ChainGenerator}) against the signature checks alone of the same transactions, in the same
 * JVM, alternating the two for {@code --rounds} rounds, each timed in wall-clock time and in this
 * process's CPU time (all threads; on a shared machine the CPU times compare better). verify-chain is {@link ChainVerifier} as
 * the CLI runs it, with the echo contract added to the identity contract (the chain holds echo
 * transactions). The transactions are read into memory before the timed signature checks.
 *
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar org.medledger.bench.load.ChainVerifyBench --network DIR [--rounds 2]
 * </pre>
 */
public final class ChainVerifyBench {
  private ChainVerifyBench() {}

  public static void main(String[] args) {
    Args a = new Args(args);
    Path network = Path.of(a.required("--network"));
    int rounds = a.intValue("--rounds", 2);
    a.done();
    NodeConfig config = NodeConfigFile.read(BenchNetwork.nodeConfig(network));
    LoadSigners signers = LoadSigners.of(network, BenchNetwork.passphrase());
    ChainVerifier verifier = new ChainVerifier(signers.genesis(),
        identities -> ConsortiumContracts.of(signers.genesis(), identities, List.of(new EchoContract())));

    long readStart = System.nanoTime();
    List<SignedTransaction> transactions = read(config.data());
    System.out.printf("read %d transactions in %.1f s%n", transactions.size(), (System.nanoTime() - readStart) / 1e9);

    List<double[]> verifyTimes = new ArrayList<>(); // {wall s, cpu s}
    List<double[]> signatureTimes = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long cpu = LoadRun.processCpuNanos();
      long start = System.nanoTime();
      ChainReport report = verifier.verify(config.data());
      double[] verify = {(System.nanoTime() - start) / 1e9, (LoadRun.processCpuNanos() - cpu) / 1e9};
      if (report.verdict() != ChainVerdict.INTACT) {
        throw new IllegalStateException("verify-chain did not find the chain intact: " + report.message());
      }
      cpu = LoadRun.processCpuNanos();
      double rate = SignatureCeiling.measure(transactions, signers);
      double[] signatures = {transactions.size() / rate, (LoadRun.processCpuNanos() - cpu) / 1e9};
      verifyTimes.add(verify);
      signatureTimes.add(signatures);
      System.out.printf("round %d: %s%n", round, report.message());
      System.out.printf("round %d: verify-chain %.1f s wall, %.1f s CPU; signature checks alone %.1f s wall, %.1f s CPU "
          + "(%.0f/s on %d cores); ratio wall %.2f, CPU %.2f%n", round, verify[0], verify[1], signatures[0],
          signatures[1], rate, Runtime.getRuntime().availableProcessors(), verify[0] / signatures[0],
          verify[1] / signatures[1]);
      System.out.printf("round %d: load average %s%n", round, loadAverage());
      System.out.println(BenchNode.heapAfterGc());
    }
    double[] bestVerify = best(verifyTimes);
    double[] bestSignatures = best(signatureTimes);
    System.out.printf("summary: %d transactions; verify-chain best %.1f s wall / %.1f s CPU, signature checks alone "
        + "best %.1f s wall / %.1f s CPU; ratio of bests: wall %.2f, CPU %.2f%n", transactions.size(), bestVerify[0],
        bestVerify[1], bestSignatures[0], bestSignatures[1], bestVerify[0] / bestSignatures[0],
        bestVerify[1] / bestSignatures[1]);
  }

  private static double[] best(List<double[]> times) {
    return new double[] {times.stream().mapToDouble(t -> t[0]).min().orElseThrow(),
        times.stream().mapToDouble(t -> t[1]).min().orElseThrow()};
  }

  private static String loadAverage() {
    return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static List<SignedTransaction> read(Path data) {
    List<SignedTransaction> all = new ArrayList<>();
    try (RocksChainStore store = RocksChainStore.openReadOnly(data)) {
      for (long height = 1; height <= store.height(); height++) {
        Block block = store.block(height).orElseThrow();
        all.addAll(block.transactions());
      }
    }
    return all;
  }
}
