package org.medledger.ledger.consensus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.BlockSeal;

/**
 * One entry of the validators' replicated log. Every validator applies the same entries in the
 * same order: a {@link TransactionBatch} becomes the next block, a {@link SealVote} adds a seal.
 */
public sealed interface LogEntry {

  /**
   * Transactions a validator proposes for the next block, and the block time it proposes (the
   * block's time is this, or the previous block's if that is later: never the applying node's clock).
   *
   * @param transactions canonical encodings; one that does not decode is left out of the block
   */
  record TransactionBatch(String proposer, Instant timestamp, List<byte[]> transactions) implements LogEntry {
    public TransactionBatch {
      Objects.requireNonNull(proposer, "proposer");
      Objects.requireNonNull(timestamp, "timestamp");
      transactions = List.copyOf(transactions);
    }
  }

  /** A validator's seal over the header (by hash) of the block it applied at a height. */
  record SealVote(long height, Digest headerHash, BlockSeal seal) implements LogEntry {
    public SealVote {
      if (height < 0) {
        throw new IllegalArgumentException("a height is never negative");
      }
      Objects.requireNonNull(headerHash, "headerHash");
      Objects.requireNonNull(seal, "seal");
    }
  }
}
