package org.medledger.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The JSON bodies of the API. Digests are lower-case hex, times ISO-8601 UTC, canonical encodings
 * base64 (standard alphabet, padded).
 */
final class Views {
  private Views() {}

  /** An event of a transaction's result. */
  record EventView(String name, Map<String, String> attributes) {
    static EventView of(Event event) {
      return new EventView(event.name(), event.attributes());
    }
  }

  /** A committed transaction's receipt; {@code receipt} is its canonical encoding. */
  record ReceiptView(
      String transactionId, long height, long index, boolean success, String code, String message,
      List<EventView> events, @JsonProperty("final") boolean isFinal, String receipt) {
    static ReceiptView of(Receipt receipt, boolean isFinal) {
      TransactionResult result = receipt.result();
      return new ReceiptView(receipt.transaction().id().hex(), receipt.height(),
          receipt.transactionProof().leafIndex(), result.success(), result.code(), result.message(),
          result.events().stream().map(EventView::of).toList(), isFinal,
          Base64.getEncoder().encodeToString(LedgerCodec.encode(receipt)));
    }
  }

  /** One transaction of a block, in short. */
  record TransactionSummary(String id, String type, String signer, boolean success, String code) {
    static TransactionSummary of(SignedTransaction tx, TransactionResult result) {
      return new TransactionSummary(tx.id().hex(), tx.body().type().id(), tx.body().signer().toString(),
          result.success(), result.code());
    }
  }

  /** A block: its header, its transactions in short, its seals; {@code encoded} is the canonical block. */
  record BlockView(
      long height, String hash, String previousHash, String timestamp, String proposer, String transactionsRoot,
      String resultsRoot, String stateRoot, long transactionCount, List<TransactionSummary> transactions,
      List<String> seals, @JsonProperty("final") boolean isFinal, String encoded) {
    static BlockView of(Block block, List<BlockSeal> seals, boolean isFinal) {
      BlockHeader h = block.header();
      List<TransactionSummary> transactions = new java.util.ArrayList<>(block.transactions().size());
      for (int i = 0; i < block.transactions().size(); i++) {
        transactions.add(TransactionSummary.of(block.transactions().get(i), block.results().get(i)));
      }
      return new BlockView(h.height(), h.hash().hex(), h.previousHash().hex(), h.timestamp().toString(), h.proposer(),
          h.transactionsRoot().hex(), h.resultsRoot().hex(), h.stateRoot().hex(), h.transactionCount(), transactions,
          seals.stream().map(BlockSeal::validator).toList(), isFinal,
          Base64.getEncoder().encodeToString(LedgerCodec.encode(block)));
    }
  }

  /** The node's view of its chain. */
  record StatusView(
      String chainId, long height, String lastBlockHash, long finalHeight, String leader, List<String> validators,
      int quorum, int pending) {}
}
