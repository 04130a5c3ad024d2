package org.medledger.ledger.tx;

import java.util.regex.Pattern;

/** The kind of a transaction, e.g. {@code identity.certificate.record}; names the contract that runs it. */
public record TransactionType(String id) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){1,3}");

  public TransactionType {
    if (id == null || id.length() > 64 || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid transaction type '" + id + "'");
    }
  }

  public static TransactionType of(String id) {
    return new TransactionType(id);
  }

  /** The contract namespace: the part before the first dot. */
  public String namespace() {
    return id.substring(0, id.indexOf('.'));
  }

  @Override
  public String toString() {
    return id;
  }
}
