package org.medledger.node.producer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.medledger.ledger.Digest;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.Rejection;
import org.medledger.ledger.validation.Rules;
import org.medledger.ledger.validation.TransactionRule;
import org.medledger.ledger.validation.ValidationContext;

/**
 * The early check of a submitted transaction: every validation rule against the state at the
 * head, with the current time as block time, and counting transactions already waiting as
 * committed. It changes nothing; a transaction it passes is still validated again in its block.
 */
final class Admission {
  private final ChainRules rules;
  private final List<TransactionRule> checks = Rules.all();

  Admission(ChainRules rules) {
    this.rules = rules;
  }

  /**
   * Checks a transaction.
   *
   * @param pending tells whether a transaction id is already waiting for a block
   * @throws Rejection with the first rule the transaction breaks
   */
  void check(SignedTransaction tx, ChainView chain, Predicate<Digest> pending, Instant now) throws Rejection {
    ValidationContext context = new ValidationContext(rules.chainId(), now, rules.maxTransactionBytes(),
        rules.contracts(), rules.identities(), chain.state(),
        id -> pending.test(id) || chain.locate(id).isPresent(), Optional.empty());
    for (TransactionRule check : checks) {
      check.check(tx, context);
    }
  }
}
