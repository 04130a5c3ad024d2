package org.medledger.bench.load;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.medledger.ledger.tx.SignedTransaction;

/** One run of a load pattern over pre-signed transactions against the targets, with progress lines. */
final class LoadRun {
  private LoadRun() {}

  static RunResult run(String label, LoadPattern pattern, List<SignedTransaction> transactions, Targets targets,
      PrintStream out) throws InterruptedException {
    Outcomes outcomes = new Outcomes();
    LatencyRecorder latencies = new LatencyRecorder(transactions.size());
    Submission submission = new Submission(targets, outcomes, latencies);
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    try (Progress progress = new Progress(label, outcomes, out, 1000)) {
      pattern.run(transactions, submission);
    }
    long elapsed = System.nanoTime() - start;
    return new RunResult(pattern.describe(), targets.all().size(), transactions.size(), elapsed,
        outcomes.committedCount(), outcomes.failuresByCode(), latencies.percentiles(), processCpuNanos() - cpuStart,
        outcomes.decisionsByEffectAndReason());
  }

  /** CPU time used by this JVM so far (all threads), or 0 if the JVM cannot tell. */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
  }
}
