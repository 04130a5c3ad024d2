package org.medledger.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Access decisions counted by {@code effect/reason} (e.g. {@code permit/consent}, {@code
 * deny/sensitive-needs-consent}), the codes of the {@code access.decision} event of each receipt.
 */
final class DecisionCounts {
  /** The event in which {@code access.request} reports its decision (attributes {@code effect}, {@code reason}). */
  static final String EVENT = "access.decision";

  private DecisionCounts() {}

  static String key(String effect, String reason) {
    return effect + "/" + reason;
  }

  /**
   * One line: {@code permit 900 (90.0%: consent 450, treating-relationship 450), deny 100 (10.0%:
   * sensitive-needs-consent 100)}; permits first, reasons in alphabetical order.
   */
  static String format(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Map<String, Long>> byEffect = new TreeMap<>((a, b) -> a.equals(b) ? 0
        : a.equals("permit") ? -1 : b.equals("permit") ? 1 : a.compareTo(b));
    counts.forEach((key, n) -> {
      int slash = key.indexOf('/');
      String effect = slash < 0 ? key : key.substring(0, slash);
      String reason = slash < 0 ? "?" : key.substring(slash + 1);
      byEffect.computeIfAbsent(effect, e -> new TreeMap<>()).merge(reason, n, Long::sum);
    });
    List<String> parts = new ArrayList<>();
    byEffect.forEach((effect, reasons) -> {
      long n = reasons.values().stream().mapToLong(Long::longValue).sum();
      List<String> detail = new ArrayList<>();
      reasons.forEach((reason, count) -> detail.add(reason + " " + count));
      parts.add(String.format("%s %d (%.1f%%: %s)", effect, n, 100.0 * n / total, String.join(", ", detail)));
    });
    return String.join(", ", parts);
  }
}
