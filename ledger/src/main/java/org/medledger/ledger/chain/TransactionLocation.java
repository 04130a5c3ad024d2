package org.medledger.ledger.chain;

/** Where a committed transaction is: its block's height and its position in that block. */
public record TransactionLocation(long height, int index) {}
