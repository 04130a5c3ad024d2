package org.medledger.node.verify;

/** The outcome of {@link ReceiptChecks}, with the exit code {@code medledger verify-receipt} uses. */
public enum ReceiptVerdict {
  /** The receipt proves its transaction and result were committed in a block sealed by a quorum. */
  VALID(0),
  /** It does not: not a receipt, another chain, a broken proof, or too few valid seals. */
  INVALID(1);

  private final int exitCode;

  ReceiptVerdict(int exitCode) {
    this.exitCode = exitCode;
  }

  /** 0 valid, 1 invalid. */
  public int exitCode() {
    return exitCode;
  }
}
