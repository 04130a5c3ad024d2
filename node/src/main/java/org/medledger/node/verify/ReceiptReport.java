package org.medledger.node.verify;

import java.util.Optional;
import org.medledger.ledger.receipt.Receipt;

/**
 * The outcome of checking a receipt file: the verdict, a one-line reason, and the decoded receipt
 * when the bytes were one.
 */
public record ReceiptReport(ReceiptVerdict verdict, String reason, Optional<Receipt> receipt) {
  public boolean valid() {
    return verdict == ReceiptVerdict.VALID;
  }

  /** One line: {@code receipt valid: …} or {@code receipt invalid: …}. */
  public String message() {
    return "receipt " + verdict.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason;
  }
}
