package org.medledger.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the submitted transactions: committed (with a successful or a failed result) or
 * refused, counted by code. Thread-safe.
 */
final class Outcomes {
  private final LongAdder committed = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  void sent() {
    sent.increment();
  }

  /** Committed with a successful result. */
  void committed() {
    committed.increment();
  }

  /** Committed, but its result failed with this code (it is on chain). */
  void committedFailed(String code) {
    committed.increment();
    failures.computeIfAbsent("committed-failed:" + code, c -> new LongAdder()).increment();
  }

  /** Not committed: refused by the node (its problem code), unreachable, timed out, … */
  void refused(String code) {
    failures.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  long sentCount() {
    return sent.sum();
  }

  long committedCount() {
    return committed.sum();
  }

  long failureCount() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Failures by code, sorted by code. */
  Map<String, Long> failuresByCode() {
    Map<String, Long> copy = new TreeMap<>();
    failures.forEach((code, n) -> copy.put(code, n.sum()));
    return copy;
  }
}
