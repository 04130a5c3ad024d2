package org.medledger.ledger.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.state.StateView;

/** A chain in memory, for tests of the ledger rules without storage. */
public final class InMemoryChain implements MutableChain {
  private final List<Block> blocks = new ArrayList<>();
  private final Map<Digest, TransactionLocation> index = new HashMap<>();
  private final Map<String, byte[]> state = new TreeMap<>();
  private final Map<Long, Map<String, BlockSeal>> seals = new HashMap<>();

  public static InMemoryChain startingWith(ExecutedBlock genesis) {
    InMemoryChain chain = new InMemoryChain();
    chain.append(genesis.block(), genesis.changes());
    return chain;
  }

  public void append(ExecutedBlock executed) {
    append(executed.block(), executed.changes());
  }

  @Override
  public long height() {
    return blocks.size() - 1;
  }

  @Override
  public Optional<Block> block(long height) {
    return height >= 0 && height < blocks.size() ? Optional.of(blocks.get((int) height)) : Optional.empty();
  }

  @Override
  public Optional<BlockHeader> header(long height) {
    return block(height).map(Block::header);
  }

  @Override
  public Optional<TransactionLocation> locate(Digest transactionId) {
    return Optional.ofNullable(index.get(transactionId));
  }

  @Override
  public List<BlockSeal> seals(long height) {
    return List.copyOf(new TreeMap<>(seals.getOrDefault(height, Map.of())).values());
  }

  @Override
  public void addSeal(long height, BlockSeal seal) {
    seals.computeIfAbsent(height, h -> new TreeMap<>()).put(seal.validator(), seal);
  }

  @Override
  public StateView state() {
    return key -> Optional.ofNullable(state.get(key)).map(byte[]::clone);
  }

  /** The state root of the head block. */
  public Digest stateRoot() {
    return header(height()).orElseThrow().stateRoot();
  }

  @Override
  public void append(Block block, StateChanges changes) {
    if (block.height() != height() + 1) {
      throw new IllegalStateException("expected height " + (height() + 1));
    }
    if (block.height() > 0 && !block.header().previousHash().equals(header(height()).orElseThrow().hash())) {
      throw new IllegalStateException("block does not link to the head");
    }
    blocks.add(block);
    for (int i = 0; i < block.transactions().size(); i++) {
      index.put(block.transactions().get(i).id(), new TransactionLocation(block.height(), i));
    }
    changes.writes().forEach((key, value) -> {
      if (value.isPresent()) {
        state.put(key, value.get().clone());
      } else {
        state.remove(key);
      }
    });
  }

  @Override
  public void close() {}
}
