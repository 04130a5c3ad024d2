package org.medledger.node.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.state.StateView;

/**
 * The chain as re-executed by the verifier, in memory: the head header, the world state, and for
 * each state key the height of the block that last wrote (or deleted) it. Blocks are not kept —
 * the verifier streams them — so {@link #block} is always empty and seals are not recorded.
 *
 * <p>The transaction index is not copied either: {@link #locate} asks {@code index} (the stored
 * index), and counts an entry only at or below the head. That is exact for every transaction the
 * verifier has re-executed so far, because it checked each one's stored index entry before
 * re-executing its block; and the verifier never asks about anything else (a block executor asks
 * only about the transactions of the block it executes, which it first {@linkplain #expect
 * declares} once their entries are checked).
 */
final class ReplayChain implements MutableChain {
  private final Function<Digest, Optional<TransactionLocation>> index;
  private final Map<String, byte[]> state = new HashMap<>();
  private final Map<String, Long> lastWritten = new HashMap<>();
  private BlockHeader head;
  private Set<Digest> expected = Set.of();

  ReplayChain(ExecutedBlock genesis, Function<Digest, Optional<TransactionLocation>> index) {
    this.index = index;
    apply(genesis.block(), genesis.changes());
  }

  /**
   * Declares the transactions of the next block, whose index entries are known to point at that
   * block: they are not on chain yet, without asking the index.
   */
  void expect(Set<Digest> transactions) {
    this.expected = transactions;
  }

  @Override
  public long height() {
    return head.height();
  }

  @Override
  public Optional<Block> block(long height) {
    return Optional.empty();
  }

  @Override
  public Optional<BlockHeader> header(long height) {
    return height == head.height() ? Optional.of(head) : Optional.empty();
  }

  @Override
  public Optional<TransactionLocation> locate(Digest transactionId) {
    if (expected.contains(transactionId)) {
      return Optional.empty();
    }
    return index.apply(transactionId).filter(location -> location.height() <= head.height());
  }

  @Override
  public List<BlockSeal> seals(long height) {
    return List.of();
  }

  @Override
  public void addSeal(long height, BlockSeal seal) {
    throw new UnsupportedOperationException("the replayed chain records no seals");
  }

  @Override
  public StateView state() {
    return key -> Optional.ofNullable(state.get(key)).map(byte[]::clone);
  }

  /** The re-executed world state, key → value (not to be modified). */
  Map<String, byte[]> stateEntries() {
    return state;
  }

  /** The height of the block that last wrote or deleted a key, if any did. */
  Optional<Long> lastWritten(String key) {
    return Optional.ofNullable(lastWritten.get(key));
  }

  @Override
  public void append(Block block, StateChanges changes) {
    if (block.height() != head.height() + 1 || !block.header().previousHash().equals(head.hash())) {
      throw new IllegalStateException("block " + block.height() + " does not follow block " + head.height());
    }
    apply(block, changes);
  }

  private void apply(Block block, StateChanges changes) {
    Long height = block.height();
    changes.writes().forEach((key, value) -> {
      if (value.isPresent()) {
        state.put(key, value.get());
      } else {
        state.remove(key);
      }
      lastWritten.put(key, height);
    });
    head = block.header();
    expected = Set.of();
  }

  @Override
  public void close() {}
}
