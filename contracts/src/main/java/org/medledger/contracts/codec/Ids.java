package org.medledger.contracts.codec;

import java.util.regex.Pattern;
import org.medledger.ledger.codec.MalformedEncodingException;

/**
 * Ids of the things the health contracts record (consents, delegations, relationships,
 * break-glass grants): the hex id of the transaction that created them, so no two collide and
 * every node assigns the same.
 */
public final class Ids {
  private static final Pattern TRANSACTION_ID = Pattern.compile("[0-9a-f]{64}");

  private Ids() {}

  public static String requireTransactionId(String id, String what) {
    if (id == null || !TRANSACTION_ID.matcher(id).matches()) {
      throw new MalformedEncodingException(what + " must be a transaction id (64 lower-case hex digits)");
    }
    return id;
  }
}
