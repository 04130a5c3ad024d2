package org.medledger.ledger.block;

import java.time.Instant;
import org.medledger.ledger.Digest;
import org.medledger.ledger.Text;
import org.medledger.ledger.codec.LedgerCodec;

/**
 * A block header. Its hash (SHA-256 of the canonical encoding) is what the next block links to
 * and what validators seal. The transaction count is signed with the roots so that Merkle proofs
 * name an authenticated tree size.
 */
public record BlockHeader(
    String chainId,
    long height,
    Digest previousHash,
    Digest transactionsRoot,
    long transactionCount,
    Digest resultsRoot,
    Digest stateRoot,
    Instant timestamp,
    String proposer) {

  public static final int FORMAT = 1;

  public BlockHeader {
    if (height < 0 || transactionCount < 0) {
      throw new IllegalArgumentException("height and transaction count are never negative");
    }
    timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
    Text.requireWellFormed(chainId, "the chain id");
    Text.requireWellFormed(proposer, "the proposer");
  }

  public Digest hash() {
    return Digest.sha256(LedgerCodec.encode(this));
  }
}
