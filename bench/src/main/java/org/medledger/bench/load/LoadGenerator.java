package org.medledger.bench.load;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.medledger.client.sdk.NodeClient;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Load on one or more running nodes over their HTTPS API (the client SDK's {@link NodeClient}),
 * with transactions signed before the timed part, for a network directory made by
 * {@link BenchNetwork} (or {@code medledger network init}). Transactions go to the nodes
 * round-robin. Two workloads:
 *
 * <ul>
 *   <li>{@code echo} (the default): {@code test.echo} transactions signed by the organisations'
 *       registrars ({@link EchoWorkload}); the nodes must run the echo contract ({@link BenchNode},
 *       {@link BenchValidators}).
 *   <li>{@code access}: {@code access.request} transactions signed by physicians ({@link
 *       AccessWorkload}), after a set-up through the API that enrols physicians and patients and
 *       records relationships and consents ({@link AccessSetup}); {@code --deny-percent} of the
 *       requests are for sensitive data without consent and are denied ({@link AccessMix}). The
 *       summary gives the decisions the receipts report, beside the expected ones.
 * </ul>
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.medledger.bench.load.LoadGenerator \
 *     --network DIR --nodes https://127.0.0.1:PORT[,https://…] \
 *     [--transactions 20000] [--warmup 4000] [--concurrency 256 | --rate TX_PER_S [--max-in-flight 4096]] \
 *     [--ceiling true] [--validators 1] \
 *     [--workload echo] [--payload-bytes 64]                                                  # echo only
 *     [--workload access --physicians-per-org 2 --patients-per-org 4 --deny-percent 10]       # access only
 * </pre>
 *
 * Prints a progress line per second and a summary: committed tx/s, p50/p90/p99/max commit latency,
 * failures by code, access decisions (access workload), and (with {@code --ceiling true}) the rate
 * at which this machine verifies the same transactions' signatures on all cores, measured before
 * and after the run, and the ratio. {@code --validators N} says how many validators run on this
 * machine: each transaction's signature is then checked N + 1 times here (once at admission by the
 * node that received it, once in every validator's execution of its block), which divides the
 * signature-bound ceiling.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = System.out;
    Args a = new Args(args);
    Path network = Path.of(a.required("--network"));
    List<URI> nodes = a.list("--nodes").stream().map(URI::create).toList();
    int transactions = a.intValue("--transactions", 20_000);
    int warmup = a.intValue("--warmup", 4_000);
    double rate = a.doubleValue("--rate", 0);
    LoadPattern pattern = rate > 0
        ? new OpenLoop(rate, a.intValue("--max-in-flight", 4096))
        : new ClosedLoop(a.intValue("--concurrency", 256));
    LoadPattern warmupPattern = new ClosedLoop(Math.min(64, a.intValue("--warmup-concurrency", 64)));
    boolean ceiling = Boolean.parseBoolean(a.value("--ceiling", "true"));
    int validators = a.intValue("--validators", 1);
    if (validators < 1) {
      throw new IllegalArgumentException("--validators must be at least 1");
    }
    LoadSigners signers = LoadSigners.of(network, BenchNetwork.passphrase());
    String kind = a.value("--workload", "echo");
    int payloadBytes = 0;
    AccessMix mix = null;
    switch (kind) {
      case "echo":
        payloadBytes = a.intValue("--payload-bytes", 64);
        break;
      case "access":
        mix = new AccessMix(signers.genesis().organisations().size(), a.intValue("--physicians-per-org", 2),
            a.intValue("--patients-per-org", 4), a.intValue("--deny-percent", 10));
        break;
      default:
        throw new IllegalArgumentException("--workload is echo or access, not " + kind);
    }
    a.done();

    Targets targets = new Targets(nodes, signers.genesis().authorities());
    for (NodeClient client : targets.all()) {
      out.printf("node %s: chain %s, height %s%n", client.base(), client.status().path("chainId").asText(),
          client.status().path("height").asText());
    }
    String tag = Long.toHexString(System.nanoTime());
    Workload workload = mix == null ? new EchoWorkload(signers, payloadBytes)
        : AccessWorkload.prepare(mix, signers, network, BenchNetwork.passphrase(), targets, tag, out);
    long signStart = System.nanoTime();
    List<SignedTransaction> warm = workload.sign(warmup, tag + "-warmup");
    List<SignedTransaction> load = workload.sign(transactions, tag);
    out.printf("pre-signed %d + %d transactions (%s; %d bytes encoded) in %.1f s%n", warmup, transactions,
        workload.describe(), load.get(0).encodedLength(), (System.nanoTime() - signStart) / 1e9);
    Map<String, Long> expected = workload.expectedDecisions(transactions);
    if (!expected.isEmpty()) {
      out.printf("expected access decisions of the load: %s%n", DecisionCounts.format(expected));
    }

    double ceilingBefore = 0;
    if (ceiling) {
      SignatureCeiling.measure(warm.isEmpty() ? load : warm, workload.keys()); // warms the verifiers up (JIT)
      ceilingBefore = SignatureCeiling.measure(load, workload.keys());
      out.printf("signature ceiling (before): %.0f verifications/s on %d cores%n", ceilingBefore,
          Runtime.getRuntime().availableProcessors());
    }
    if (warmup > 0) {
      RunResult w = LoadRun.run("warmup", warmupPattern, warm, targets, out);
      out.printf("warm-up: %d committed, %.0f tx/s, %d failed%n", w.committed(), w.committedPerSecond(),
          w.failures().values().stream().mapToLong(Long::longValue).sum());
    }
    RunResult result = LoadRun.run("load", pattern, load, targets, out);
    result.print(out);
    if (!expected.isEmpty()) {
      out.printf("summary: access decisions expected: %s (%s)%n", DecisionCounts.format(expected),
          expected.equals(result.decisions()) ? "the receipts agree" : "THE RECEIPTS DIFFER");
    }
    if (ceiling) {
      double ceilingAfter = SignatureCeiling.measure(load, workload.keys());
      double mean = (ceilingBefore + ceilingAfter) / 2;
      int checks = validators + 1;
      out.printf("summary: signature ceiling %.0f verifications/s on %d cores (before %.0f, after %.0f); "
          + "committed/ceiling %.2f; each signature is checked %d times on this machine (admission, and the block on "
          + "each of %d validator(s)), so the signature-bound ceiling is about %.0f tx/s: committed/(ceiling/%d) %.2f%n",
          mean, Runtime.getRuntime().availableProcessors(), ceilingBefore, ceilingAfter,
          result.committedPerSecond() / mean, checks, validators, mean / checks, checks,
          result.committedPerSecond() / (mean / checks));
    }
  }
}
