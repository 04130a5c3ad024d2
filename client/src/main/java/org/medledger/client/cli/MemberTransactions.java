package org.medledger.client.cli;

import java.util.Map;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.ledger.tx.TransactionType;

/**
 * Transactions signed with one wallet, submitted to a running node and waited for until
 * committed. A transaction the chain refuses is an error naming the chain's code and message.
 */
final class MemberTransactions {
  private final NodeClient node;
  private final TransactionSigner signer;

  MemberTransactions(NodeClient node, String chainId, Wallet wallet) {
    this.node = node;
    this.signer = new TransactionSigner(chainId, wallet.signer(), wallet.certificate());
  }

  NodeClient node() {
    return node;
  }

  /** Signs a transaction without submitting it (its id is known before it is sent). */
  SignedTransaction sign(TransactionType type, byte[] payload) {
    return signer.sign(type, payload);
  }

  /** Submits one transaction and waits for its commit; returns the committed receipt. */
  CommittedTransaction commit(TransactionType type, byte[] payload) {
    return commit(sign(type, payload));
  }

  /** Submits a signed transaction and waits for its commit. */
  CommittedTransaction commit(SignedTransaction transaction) {
    CommittedTransaction committed = node.submit(transaction);
    if (!committed.success()) {
      throw new CliException("the chain refused the " + transaction.body().type() + " transaction: "
          + committed.receipt().result().code() + ": " + committed.receipt().result().message());
    }
    return committed;
  }

  /** The attributes of the last event named {@code name} in the transaction's result (empty if none). */
  static Map<String, String> event(CommittedTransaction committed, String name) {
    return committed.receipt().result().events().stream().filter(e -> e.name().equals(name))
        .reduce((first, second) -> second).map(Event::attributes).map(Map::copyOf).orElse(Map.of());
  }

  /** One line for the user: where the transaction landed. */
  static String describe(CommittedTransaction committed) {
    return "on chain: transaction " + committed.receipt().transaction().id().hex().substring(0, 16)
        + "… in block " + committed.receipt().header().height() + (committed.finalised() ? " (final)" : " (committed)");
  }
}
