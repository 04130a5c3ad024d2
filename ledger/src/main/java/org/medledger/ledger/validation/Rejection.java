package org.medledger.ledger.validation;

/** A transaction broke a validation rule: the code says which, the message says how. */
public final class Rejection extends Exception {
  private final RejectionCode code;

  public Rejection(RejectionCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public RejectionCode code() {
    return code;
  }
}
