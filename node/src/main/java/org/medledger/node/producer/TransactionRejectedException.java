package org.medledger.node.producer;

import org.medledger.ledger.validation.RejectionCode;

/**
 * A transaction was refused before it reached a block (at admission, or as a replay left out of
 * its block). It is not on chain because of this submission. The message is meant for the
 * submitter; it may name identities and is not logged.
 */
public final class TransactionRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RejectionCode code;

  public TransactionRejectedException(RejectionCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public RejectionCode code() {
    return code;
  }
}
