package org.medledger.node.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;

/** {@code /v1/blocks}: committed blocks by height. */
final class BlockRoutes {
  private static final Pattern HEIGHT = Pattern.compile("[0-9]{1,18}");

  private final NodeLedger ledger;

  BlockRoutes(NodeLedger ledger) {
    this.ledger = ledger;
  }

  /** {@code GET /v1/blocks/{height}}: the block, its transactions in short, its seals. */
  void block(Context ctx) {
    String text = ctx.pathParam("height");
    if (!HEIGHT.matcher(text).matches()) {
      throw new ProblemException(400, "malformed-height", "a block height is a non-negative decimal number");
    }
    long height = Long.parseLong(text);
    Block block = ledger.chain().block(height).orElseThrow(() -> new ProblemException(404, "unknown-block",
        "block " + height + " is not on chain; the head is block " + ledger.chain().height()));
    List<BlockSeal> seals = ledger.chain().seals(height);
    ctx.json(Views.BlockView.of(block, seals, ledger.isFinal(height, seals)));
  }
}
