package org.medledger.ledger.contract;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.tx.TransactionType;

/**
 * All a contract sees of the world while it runs one transaction: the transaction, its verified
 * signer, the block's height and time, and the world state. Writes stay in the contract's own
 * namespace and take effect only if the contract returns normally.
 */
public interface TxContext {
  Digest transactionId();

  TransactionType type();

  byte[] payload();

  VerifiedSigner signer();

  long blockHeight();

  /** The block's timestamp, carried in the log: the same on every node. */
  Instant blockTime();

  Optional<byte[]> get(String key);

  void put(String key, byte[] value);

  void delete(String key);

  void emit(String event, Map<String, String> attributes);
}
