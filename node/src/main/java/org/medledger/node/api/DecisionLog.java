package org.medledger.node.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessKeys;
import org.medledger.ledger.state.StateView;

/**
 * One append-only log of decision ids as the access contract keeps it (a patient's, or a
 * requester's): a count at the log's key and entry {@code n} at {@link AccessKeys#logEntry}.
 * Entries are only ever added, so every entry below the count read is there.
 */
final class DecisionLog {
  private final StateView state;
  private final String key;
  private final long total;

  private DecisionLog(StateView state, String key, long total) {
    this.state = state;
    this.key = key;
    this.total = total;
  }

  static DecisionLog at(StateView state, String key) {
    return new DecisionLog(state, key, state.get(key).map(AccessCodec::decodeCount).orElse(0L));
  }

  /** How many decisions the log holds. */
  long total() {
    return total;
  }

  /** The ids of the latest decisions, newest first, at most {@code limit}. */
  List<String> latest(int limit) {
    List<String> ids = new ArrayList<>((int) Math.min(limit, total));
    for (long n = total - 1; n >= 0 && ids.size() < limit; n--) {
      long position = n;
      ids.add(state.get(AccessKeys.logEntry(key, position))
          .map(bytes -> new String(bytes, StandardCharsets.US_ASCII))
          .orElseThrow(() -> new IllegalStateException("access log entry " + position + " is counted but missing")));
    }
    return ids;
  }
}
