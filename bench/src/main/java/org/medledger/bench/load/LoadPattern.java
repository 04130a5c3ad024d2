package org.medledger.bench.load;

import java.util.List;
import org.medledger.ledger.tx.SignedTransaction;

/** How transactions are sent: closed loop (fixed concurrency) or open loop (fixed arrival rate). */
interface LoadPattern {
  /** Sends every transaction through {@code submission}; returns when all have completed. */
  void run(List<SignedTransaction> transactions, Submission submission) throws InterruptedException;

  /** A short description for the summary. */
  String describe();
}
