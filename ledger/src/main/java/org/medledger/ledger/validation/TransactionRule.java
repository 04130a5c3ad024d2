package org.medledger.ledger.validation;

import org.medledger.ledger.tx.SignedTransaction;

/** One validation rule, checked by every validator for every transaction. */
@FunctionalInterface
public interface TransactionRule {
  void check(SignedTransaction transaction, ValidationContext context) throws Rejection;
}
