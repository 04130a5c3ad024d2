package org.medledger.node.verify;

import java.util.Arrays;
import java.util.Optional;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.tx.SignedTransaction;

/** Explains how a stored block differs from its re-execution, as precisely as the two allow. */
final class Diagnosis {
  private Diagnosis() {}

  /** Why a stored block's header differs from the one re-execution gives. */
  static String explain(Block stored, Block replayed) {
    long height = stored.height();
    Optional<String> transactions = firstTransactionDifference(stored, replayed);
    if (transactions.isPresent()) {
      return transactions.get();
    }
    Optional<String> results = firstResultDifference(stored, replayed);
    if (results.isPresent()) {
      return results.get();
    }
    BlockHeader s = stored.header();
    BlockHeader r = replayed.header();
    if (!s.timestamp().equals(r.timestamp())) {
      return "block " + height + " is timestamped " + s.timestamp() + ", before the block it follows ("
          + r.timestamp() + ")";
    }
    if (!s.stateRoot().equals(r.stateRoot())) {
      return "the state root in the header of block " + height + " differs from re-execution (stored "
          + s.stateRoot().hex() + ", re-executed " + r.stateRoot().hex() + ")";
    }
    return "the header of block " + height + " differs from its re-execution (stored hash " + s.hash().hex()
        + ", re-executed " + r.hash().hex() + ")";
  }

  /** The first transaction that re-execution leaves out of the block (a replay of one on chain). */
  static Optional<String> firstTransactionDifference(Block stored, Block replayed) {
    int n = stored.transactions().size();
    for (int i = 0; i < n; i++) {
      SignedTransaction tx = stored.transactions().get(i);
      if (i >= replayed.transactions().size() || !replayed.transactions().get(i).equals(tx)) {
        return Optional.of("transaction " + i + " of block " + stored.height() + " (id " + tx.id().hex()
            + ") is already on chain: re-execution leaves it out of the block");
      }
    }
    return Optional.empty();
  }

  /** The first transaction whose recorded result differs from the re-executed one. */
  static Optional<String> firstResultDifference(Block stored, Block replayed) {
    int n = Math.min(stored.results().size(), replayed.results().size());
    for (int i = 0; i < n; i++) {
      TransactionResult s = stored.results().get(i);
      TransactionResult r = replayed.results().get(i);
      if (!Arrays.equals(LedgerCodec.encode(s), LedgerCodec.encode(r))) {
        String id = stored.transactions().get(i).id().hex();
        String recorded = Texts.describe(s);
        String replay = Texts.describe(r);
        String how = recorded.equals(replay)
            ? "its recorded result differs from re-execution in detail (" + recorded + ")"
            : "the block records " + recorded + ", re-execution gives " + replay;
        return Optional.of("transaction " + i + " of block " + stored.height() + " (id " + id + "): " + how);
      }
    }
    return Optional.empty();
  }
}
