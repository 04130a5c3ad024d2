package org.medledger.ledger.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.state.StateOverlay;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionType;

/** The {@link TxContext} of one transaction: its own state overlay, writes limited to its namespace. */
public final class ContractTxContext implements TxContext {
  private final SignedTransaction transaction;
  private final VerifiedSigner signer;
  private final long blockHeight;
  private final Instant blockTime;
  private final StateOverlay overlay;
  private final String namespacePrefix;
  private final List<Event> events = new ArrayList<>();

  public ContractTxContext(
      SignedTransaction transaction, VerifiedSigner signer, long blockHeight, Instant blockTime, StateOverlay overlay) {
    this.transaction = transaction;
    this.signer = signer;
    this.blockHeight = blockHeight;
    this.blockTime = blockTime;
    this.overlay = overlay;
    this.namespacePrefix = transaction.body().type().namespace() + "/";
  }

  @Override
  public Digest transactionId() {
    return transaction.id();
  }

  @Override
  public TransactionType type() {
    return transaction.body().type();
  }

  @Override
  public byte[] payload() {
    return transaction.body().payload();
  }

  @Override
  public VerifiedSigner signer() {
    return signer;
  }

  @Override
  public long blockHeight() {
    return blockHeight;
  }

  @Override
  public Instant blockTime() {
    return blockTime;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return overlay.get(key);
  }

  @Override
  public void put(String key, byte[] value) {
    overlay.put(ownKey(key), value);
  }

  @Override
  public void delete(String key) {
    overlay.delete(ownKey(key));
  }

  @Override
  public void emit(String event, Map<String, String> attributes) {
    events.add(Event.of(event, attributes));
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  private String ownKey(String key) {
    if (!key.startsWith(namespacePrefix)) {
      throw new IllegalArgumentException("a " + type() + " transaction may only write keys under " + namespacePrefix);
    }
    return key;
  }
}
