package org.medledger.ledger.contract;

/**
 * A contract refused a transaction. The code (e.g. {@code already-recorded}) goes into the
 * transaction's result; the transaction changes nothing.
 */
public class ContractException extends Exception {
  private final String code;

  public ContractException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
