package org.medledger.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the submitted transactions: committed (with a successful or a failed result) or
 * refused, counted by code; and the access decisions their receipts report, by {@code
 * effect/reason} (see {@link DecisionCounts}). Thread-safe.
 */
final class Outcomes {
  private final LongAdder committed = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();

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

  /** A committed transaction's receipt reported this access decision. */
  void decided(String effect, String reason) {
    decisions.computeIfAbsent(DecisionCounts.key(effect, reason), c -> new LongAdder()).increment();
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

  /** Access decisions seen in the receipts, by {@code effect/reason}, sorted. */
  Map<String, Long> decisionsByEffectAndReason() {
    Map<String, Long> copy = new TreeMap<>();
    decisions.forEach((key, n) -> copy.put(key, n.sum()));
    return copy;
  }
}
