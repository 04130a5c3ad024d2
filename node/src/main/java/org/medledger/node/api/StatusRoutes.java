package org.medledger.node.api;

import io.javalin.http.Context;
import org.medledger.ledger.block.BlockHeader;

/** {@code /v1/status}: the node's chain at a glance. */
final class StatusRoutes {
  private final NodeLedger ledger;

  StatusRoutes(NodeLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * {@code GET /v1/status}: chain id, head height (committed) and hash, the highest final height,
   * the consensus leader as this node knows it, validators, quorum, waiting transactions.
   */
  void status(Context ctx) {
    long height = ledger.chain().height();
    BlockHeader head = ledger.chain().header(height)
        .orElseThrow(() -> new IllegalStateException("the chain has no block " + height));
    ctx.json(new Views.StatusView(ledger.genesis().chainId(), height, head.hash().hex(),
        ledger.finality().finalHeight(), ledger.leader().get().orElse(null), ledger.currentValidators(), ledger.quorum(),
        ledger.producer().pending()));
  }
}
