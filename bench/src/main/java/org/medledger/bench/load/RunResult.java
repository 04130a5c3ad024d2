package org.medledger.bench.load;

import java.io.PrintStream;
import java.util.Map;

/** The measured part of a load run, and its summary; {@code decisions} by {@code effect/reason}, if any. */
record RunResult(String pattern, int nodes, int transactions, long elapsedNanos, long committed,
    Map<String, Long> failures, LatencyRecorder.Percentiles latency, long generatorCpuNanos,
    Map<String, Long> decisions) {

  double committedPerSecond() {
    return committed * 1e9 / elapsedNanos;
  }

  void print(PrintStream out) {
    out.printf("summary: %s, %d node(s), %d transactions in %.2f s%n", pattern, nodes, transactions, elapsedNanos / 1e9);
    out.printf("summary: committed %d (%.0f tx/s)  failed %d%n", committed, committedPerSecond(),
        failures.values().stream().mapToLong(Long::longValue).sum());
    out.printf("summary: commit latency %s%n", latency.format());
    out.printf("summary: the load generator itself used %.1f s of CPU (%.0f µs per transaction, %.2f cores)%n",
        generatorCpuNanos / 1e9, generatorCpuNanos / 1e3 / Math.max(1, transactions),
        (double) generatorCpuNanos / elapsedNanos);
    failures.forEach((code, n) -> out.printf("summary: failure %s: %d%n", code, n));
    if (!decisions.isEmpty()) {
      out.printf("summary: access decisions in the receipts: %s%n", DecisionCounts.format(decisions));
    }
  }
}
