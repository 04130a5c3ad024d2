package org.medledger.node.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.Receipts;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;

/**
 * {@code /v1/transactions}: submit a signed transaction and wait for its receipt; read the
 * receipt of a committed transaction.
 */
final class TransactionRoutes {
  /** The largest body accepted: a transaction at the ledger's size limit, plus slack for its envelope. */
  static final int MAX_BODY_BYTES = ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES + 64 * 1024;
  static final String CONTENT_TYPE = "application/octet-stream";

  private static final Pattern TRANSACTION_ID = Pattern.compile("[0-9a-fA-F]{64}");

  private final NodeLedger ledger;
  private final Duration commitTimeout;

  TransactionRoutes(NodeLedger ledger, Duration commitTimeout) {
    this.ledger = ledger;
    this.commitTimeout = commitTimeout;
  }

  /**
   * {@code POST /v1/transactions[?wait=final]}: body = the canonical signed transaction. 200 with
   * the receipt once committed (also when its result failed: it is on chain) or, with
   * {@code wait=final}, once its block is final (the receipt then carries a quorum of seals); or a
   * problem.
   */
  void submit(Context ctx) {
    boolean waitFinal = waitForFinality(ctx);
    SignedTransaction transaction = decode(body(ctx));
    ctx.future(() -> ledger.producer().submit(transaction)
        .thenCompose(receipt -> waitFinal ? ledger.finality().of(receipt.height())
            .thenApply(done -> Receipts.of(ledger.chain(), receipt.transaction().id(),
                ledger.chain().seals(receipt.height())).orElse(receipt)) : CompletableFuture.completedFuture(receipt))
        .orTimeout(commitTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((receipt, error) -> {
          if (error == null) {
            ctx.json(view(receipt));
          } else {
            Problems.write(ctx, error);
          }
          return null;
        }));
  }

  private static boolean waitForFinality(Context ctx) {
    String wait = ctx.queryParam("wait");
    if (wait == null || wait.equals("commit")) {
      return false;
    }
    if (wait.equals("final")) {
      return true;
    }
    throw new ProblemException(400, "bad-parameter", "wait is 'commit' (the default) or 'final'");
  }

  /** {@code GET /v1/transactions/{id}}: the receipt of a committed transaction. */
  void receipt(Context ctx) {
    String text = ctx.pathParam("id");
    if (!TRANSACTION_ID.matcher(text).matches()) {
      throw new ProblemException(400, "malformed-transaction-id", "a transaction id is 64 hexadecimal digits");
    }
    Digest id = Digest.fromHex(text.toLowerCase(Locale.ROOT));
    TransactionLocation location = ledger.chain().locate(id).orElseThrow(() -> unknown(id));
    List<BlockSeal> seals = ledger.chain().seals(location.height());
    Receipt receipt = Receipts.of(ledger.chain(), id, seals).orElseThrow(() -> unknown(id));
    ctx.json(view(receipt));
  }

  private Views.ReceiptView view(Receipt receipt) {
    return Views.ReceiptView.of(receipt, ledger.isFinal(receipt.height(), receipt.seals()));
  }

  private static ProblemException unknown(Digest id) {
    return new ProblemException(404, "unknown-transaction", "no transaction " + id.hex() + " is on chain");
  }

  private static byte[] body(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase(CONTENT_TYPE)) {
      throw new ProblemException(415, "unsupported-media-type",
          "send the canonical signed transaction as " + CONTENT_TYPE);
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > 2L * MAX_BODY_BYTES) {
      throw tooLarge(); // far too large: not even read (a client sending "Expect: 100-continue" sends nothing)
    }
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        in.skipNBytes(Math.max(0, declared - body.length)); // read the rest so that the client gets the answer
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw new ProblemException(400, "unreadable-body", "the request body could not be read");
    }
  }

  private static ProblemException tooLarge() {
    return new ProblemException(413, "too-large", "a request body holds at most " + MAX_BODY_BYTES + " bytes");
  }

  private static SignedTransaction decode(byte[] body) {
    try {
      return LedgerCodec.decodeTransaction(body);
    } catch (MalformedEncodingException e) {
      throw new ProblemException(400, "malformed-transaction",
          "the body is not a canonical signed transaction: " + e.getMessage());
    }
  }
}
