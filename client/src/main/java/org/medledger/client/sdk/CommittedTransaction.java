package org.medledger.client.sdk;

import org.medledger.ledger.receipt.Receipt;

/**
 * A transaction the node committed: its receipt (which the client can verify offline) and
 * whether its block already has a quorum of seals.
 */
public record CommittedTransaction(Receipt receipt, boolean finalised) {
  public boolean success() {
    return receipt.result().success();
  }
}
