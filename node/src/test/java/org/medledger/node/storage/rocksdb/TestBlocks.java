package org.medledger.node.storage.rocksdb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.merkle.MerkleTree;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.SignerId;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.OrganisationId;

/**
 * Blocks for storage tests, built from real ledger types with defaults and fluent overrides:
 * {@code TestBlocks.genesis().build()}, {@code TestBlocks.after(previous).transactions(tx).build()},
 * {@code TestBlocks.chainOf(5)}. Everything is deterministic: the same calls give byte-identical
 * blocks, in this JVM or another.
 */
final class TestBlocks {
  static final String CHAIN_ID = "medledger-test";
  static final int DEFAULT_TRANSACTIONS = 2;
  private static final SignerId SIGNER = new SignerId(OrganisationId.of("st-mary"), "dr-alice");
  private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private long height;
  private Digest previousHash;
  private List<SignedTransaction> transactions;
  private Instant timestamp;
  private String proposer = "validator-1";

  private TestBlocks(long height, Digest previousHash) {
    this.height = height;
    this.previousHash = previousHash;
    this.transactions = defaultTransactions(height, DEFAULT_TRANSACTIONS);
    this.timestamp = EPOCH.plusSeconds(height);
  }

  /** Block 0, linked to {@link Digest#ZERO}, with two transactions. */
  static TestBlocks genesis() {
    return new TestBlocks(0, Digest.ZERO);
  }

  /** The block after {@code previous}, linked to its header hash, with two transactions. */
  static TestBlocks after(Block previous) {
    return new TestBlocks(previous.height() + 1, previous.header().hash());
  }

  /** Blocks 0 to n-1, each linked to the one before. */
  static List<Block> chainOf(int n) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      blocks.add(i == 0 ? genesis().build() : after(blocks.get(i - 1)).build());
    }
    return blocks;
  }

  TestBlocks height(long value) {
    this.height = value;
    return this;
  }

  TestBlocks previousHash(Digest value) {
    this.previousHash = value;
    return this;
  }

  TestBlocks transactions(SignedTransaction... values) {
    this.transactions = List.of(values);
    return this;
  }

  TestBlocks transactionCount(int count) {
    this.transactions = defaultTransactions(height, count);
    return this;
  }

  TestBlocks proposer(String value) {
    this.proposer = value;
    return this;
  }

  Block build() {
    List<TransactionResult> results = new ArrayList<>();
    List<byte[]> txLeaves = new ArrayList<>();
    List<byte[]> resultLeaves = new ArrayList<>();
    for (SignedTransaction tx : transactions) {
      TransactionResult result = TransactionResult.ok(tx.id(), List.of());
      results.add(result);
      txLeaves.add(tx.encoded());
      resultLeaves.add(LedgerCodec.encode(result));
    }
    BlockHeader header = new BlockHeader(CHAIN_ID, height, previousHash, merkleRoot(txLeaves), transactions.size(),
        merkleRoot(resultLeaves), Digest.sha256(("state " + height).getBytes(StandardCharsets.UTF_8)), timestamp,
        proposer);
    return new Block(header, transactions, results);
  }

  /** A signed transaction determined by its label (the signature is filler: storage does not verify it). */
  static SignedTransaction transaction(String label) {
    byte[] seed = label.getBytes(StandardCharsets.UTF_8);
    byte[] nonce = Arrays.copyOf(Digest.sha256(seed).toByteArray(), TransactionBody.NONCE_LENGTH);
    TransactionBody body = new TransactionBody(CHAIN_ID, TransactionType.of("test.noop"), seed, SIGNER,
        Digest.sha256("certificate".getBytes(StandardCharsets.UTF_8)), nonce);
    byte[] signature = Digest.sha256("signature ".getBytes(StandardCharsets.UTF_8), seed).toByteArray();
    return new SignedTransaction(body, signature);
  }

  /** The state key {@link #changesFor} writes for a block. */
  static String blockKey(long height) {
    return "test/block/" + height;
  }

  /** The state key {@link #changesFor} writes for a transaction. */
  static String transactionKey(SignedTransaction tx) {
    return "test/tx/" + tx.id().hex();
  }

  /** The state writes of a block: one entry for the block, one per transaction. */
  static StateChanges changesFor(Block block) {
    Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
    writes.put(blockKey(block.height()), Optional.of(block.header().hash().toByteArray()));
    for (SignedTransaction tx : block.transactions()) {
      writes.put(transactionKey(tx), Optional.of(tx.id().toByteArray()));
    }
    return StateChanges.of(writes);
  }

  /** Appends each block with {@link #changesFor} its state writes. */
  static void appendAll(MutableChain chain, List<Block> blocks) {
    for (Block block : blocks) {
      chain.append(block, changesFor(block));
    }
  }

  private static List<SignedTransaction> defaultTransactions(long height, int count) {
    List<SignedTransaction> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      txs.add(transaction("block " + height + " tx " + i));
    }
    return txs;
  }

  private static Digest merkleRoot(List<byte[]> leaves) {
    return Digest.of(MerkleTree.ofLeaves(leaves).root().toByteArray());
  }
}
