package org.medledger.bench.load;

import java.util.List;
import java.util.Map;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * What the load generator sends: transactions signed before the timed part, the keys that verify
 * them (for the signature ceiling), and the access decisions they are expected to produce, if any.
 */
interface Workload {
  /** One line for the log: the transaction type, who signs, what is in it. */
  String describe();

  /** {@code count} distinct transactions; {@code tag} tells this batch apart from others (e.g. the warm-up's). */
  List<SignedTransaction> sign(int count, String tag);

  /** The verifiers of every signer of {@link #sign}'s transactions. */
  SignatureKeys keys();

  /**
   * The access decisions {@code count} transactions of {@link #sign} should get, by
   * {@code effect/reason} (see {@link DecisionCounts}); empty if they are not access requests.
   */
  Map<String, Long> expectedDecisions(int count);
}
