package org.medledger.ledger.block;

import java.util.List;
import org.medledger.ledger.tx.SignedTransaction;

/** A block: its header, its transactions in order, and one result per transaction. */
public record Block(BlockHeader header, List<SignedTransaction> transactions, List<TransactionResult> results) {
  public Block {
    transactions = List.copyOf(transactions);
    results = List.copyOf(results);
    if (transactions.size() != results.size() || transactions.size() != header.transactionCount()) {
      throw new IllegalArgumentException("a block has exactly one result per transaction, as its header counts");
    }
  }

  public long height() {
    return header.height();
  }
}
