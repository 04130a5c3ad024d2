package org.medledger.contracts.access;

import java.nio.charset.StandardCharsets;
import org.medledger.ledger.contract.TxContext;

/**
 * An append-only list of decision ids under one key prefix: a counter at the key and entry
 * {@code n} at {@code <key>/<n>}. Appending costs one read and two writes however long the log.
 */
final class AccessLog {
  private AccessLog() {}

  static void append(TxContext context, String log, String decisionId) {
    long count = context.get(log).map(AccessCodec::decodeCount).orElse(0L);
    context.put(AccessKeys.logEntry(log, count), decisionId.getBytes(StandardCharsets.US_ASCII));
    context.put(log, AccessCodec.encodeCount(count + 1));
  }
}
