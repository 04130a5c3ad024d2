package org.medledger.ledger.block;

import java.util.List;
import org.medledger.ledger.Digest;
import org.medledger.ledger.Text;

/**
 * What became of one transaction in a block: applied, or refused with a code such as
 * {@code certificate-revoked} and a message. A refused transaction changed nothing.
 */
public record TransactionResult(Digest transactionId, boolean success, String code, String message, List<Event> events) {
  public static final String OK = "ok";

  public TransactionResult {
    events = List.copyOf(events);
    Text.requireWellFormed(code, "a result code");
    Text.requireWellFormed(message, "a result message");
    if (success != OK.equals(code)) {
      throw new IllegalArgumentException("a successful result has code 'ok', a failed one another code");
    }
  }

  public static TransactionResult ok(Digest transactionId, List<Event> events) {
    return new TransactionResult(transactionId, true, OK, "", events);
  }

  public static TransactionResult failed(Digest transactionId, String code, String message) {
    return new TransactionResult(transactionId, false, code, message, List.of());
  }
}
