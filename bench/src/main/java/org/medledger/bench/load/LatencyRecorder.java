package org.medledger.bench.load;

import java.util.Arrays;

/**
 * Latencies of one run, one slot per transaction (so recording is lock-free: each transaction
 * writes only its own slot), summarised as exact percentiles over the recorded values.
 */
final class LatencyRecorder {
  private static final long UNSET = -1;
  private final long[] nanos;

  LatencyRecorder(int transactions) {
    nanos = new long[transactions];
    Arrays.fill(nanos, UNSET);
  }

  /** Records the latency of transaction {@code index}; only committed transactions should be recorded. */
  void record(int index, long latencyNanos) {
    nanos[index] = Math.max(0, latencyNanos);
  }

  /** The recorded latencies, sorted; call once the run is over. */
  Percentiles percentiles() {
    return Percentiles.of(Arrays.stream(nanos).filter(n -> n != UNSET).toArray());
  }

  /** Nearest-rank percentiles of a set of latencies, in nanoseconds. */
  record Percentiles(long count, long p50, long p90, long p99, long max) {
    static Percentiles of(long[] latencies) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static long rank(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    String format() {
      return String.format("p50 %s  p90 %s  p99 %s  max %s  (%d samples)", ms(p50), ms(p90), ms(p99), ms(max), count);
    }

    static String ms(long nanos) {
      return String.format("%.1f ms", nanos / 1e6);
    }
  }
}
