package org.medledger.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.producer.ChainRules;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.Role;

/**
 * The log applier alone, on a real store (a RocksChainStore: it records the applied log index)
 * and the ledger's test consortium: batches become blocks deterministically, seals are checked
 * before they are kept, and no entry is applied twice.
 */
class LogApplierTest {
  private static final Instant GENESIS_TIME = TestConsortium.GENESIS_TIME;
  private static final String PROPOSER = "validator-1";

  @TempDir Path dir;

  private final TestConsortium consortium = TestConsortium.standard();
  private final TestConsortium.Member validator = consortium.validators().get(0);
  private final Recording listener = new Recording();
  private RocksChainStore store;
  private LogApplier applier;

  @BeforeEach
  void openStoreWithGenesis() {
    store = RocksChainStore.open(dir.resolve("data"));
    ExecutedBlock genesis = GenesisBlock.of(consortium.genesis());
    store.append(genesis.block(), genesis.changes());
    IdentityDirectory identities = new IdentityDirectory();
    ChainRules rules = new ChainRules(TestConsortium.CHAIN_ID,
        new ContractRegistry(List.of(new IdentityContract(identities), new EchoContract())), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    applier = new LogApplier(store, rules, Validators.of(store), listener);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** What the applier reported, in order. */
  private static final class Recording implements AppliedListener {
    record Batch(List<SignedTransaction> transactions, Optional<Block> block) {}

    record Added(long height, BlockSeal seal, List<BlockSeal> seals) {}

    record Rejected(long height, String validator, String reason) {}

    final List<Batch> batches = new ArrayList<>();
    final List<Added> added = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();

    @Override
    public void batchApplied(List<SignedTransaction> transactions, Optional<Block> block) {
      batches.add(new Batch(transactions, block));
    }

    @Override
    public void sealAdded(long height, BlockSeal seal, List<BlockSeal> seals) {
      added.add(new Added(height, seal, List.copyOf(seals)));
    }

    @Override
    public void sealRejected(long height, String validator, String reason) {
      rejected.add(new Rejected(height, validator, reason));
    }

    @Override
    public void chainReplaced() {
      throw new AssertionError("no snapshot is installed here");
    }
  }

  private SignedTransaction recordOf(String name) {
    try {
      return consortium.registrar("st-mary").signer().sign(IdentityContract.RECORD,
          consortium.issue("st-mary", name, Role.NURSE).certificate().getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] batch(Instant proposed, SignedTransaction... transactions) {
    return batchOf(proposed, Arrays.stream(transactions).map(SignedTransaction::encoded).toList());
  }

  private static byte[] batchOf(Instant proposed, List<byte[]> encodedTransactions) {
    return LogEntryCodec.encode(new LogEntry.TransactionBatch(PROPOSER, proposed, encodedTransactions));
  }

  private static byte[] vote(long height, BlockHeader sealedHeader, BlockSeal seal) {
    return LogEntryCodec.encode(new LogEntry.SealVote(height, sealedHeader.hash(), seal));
  }

  private BlockSeal sealOf(BlockHeader header) {
    return BlockSeal.sign(PROPOSER, validator.signing(), header);
  }

  /** Applies a one-transaction batch as entry {@code index}, a minute after genesis; its block's header. */
  private BlockHeader applyBlock(long index) {
    long before = store.height();
    applier.apply(index, batch(GENESIS_TIME.plusSeconds(60), recordOf("nurse-" + index)));
    assertThat(store.height()).isEqualTo(before + 1);
    return store.header(store.height()).orElseThrow();
  }

  @Test
  void aBatchBecomesTheNextBlockAtItsProposedTime() {
    SignedTransaction first = recordOf("alice");
    SignedTransaction second = recordOf("bob");
    Instant proposed = GENESIS_TIME.plusSeconds(5);

    applier.apply(1, batch(proposed, first, second));

    assertThat(store.height()).isEqualTo(1);
    Block block = store.block(1).orElseThrow();
    assertThat(block.transactions()).containsExactly(first, second);
    assertThat(block.header().timestamp()).isEqualTo(proposed);
    assertThat(block.header().proposer()).isEqualTo(PROPOSER);
    assertThat(block.header().previousHash()).isEqualTo(store.header(0).orElseThrow().hash());
    assertThat(store.appliedIndex()).isEqualTo(1);
    assertThat(applier.appliedIndex()).isEqualTo(1);
    assertThat(listener.batches).hasSize(1);
    assertThat(listener.batches.get(0).block()).contains(block);
    assertThat(listener.batches.get(0).transactions()).hasSize(2);
  }

  @Test
  void aBatchProposedBeforeThePreviousBlockIsTimedAtThePreviousBlock() {
    applier.apply(1, batch(GENESIS_TIME.minusSeconds(10), recordOf("alice")));
    assertThat(store.header(1).orElseThrow().timestamp()).isEqualTo(GENESIS_TIME);

    applier.apply(2, batch(GENESIS_TIME.plusSeconds(60), recordOf("bob")));
    applier.apply(3, batch(GENESIS_TIME.plusSeconds(30), recordOf("carol")));

    assertThat(store.header(2).orElseThrow().timestamp()).isEqualTo(GENESIS_TIME.plusSeconds(60));
    assertThat(store.header(3).orElseThrow().timestamp()).isEqualTo(GENESIS_TIME.plusSeconds(60));
  }

  @Test
  void undecodableTransactionsAreLeftOutOfTheBlock() {
    SignedTransaction first = recordOf("alice");
    SignedTransaction second = recordOf("bob");
    byte[] garbage = {0x0a, 0x03, 1, 2, 3};

    applier.apply(1, batchOf(GENESIS_TIME.plusSeconds(1), List.of(first.encoded(), garbage, second.encoded())));

    assertThat(store.height()).isEqualTo(1);
    assertThat(store.block(1).orElseThrow().transactions()).containsExactly(first, second);
    assertThat(store.appliedIndex()).isEqualTo(1);
  }

  @Test
  void aBatchOfReplaysOnlyMakesNoBlockButIsApplied() {
    SignedTransaction tx = recordOf("alice");
    applier.apply(1, batch(GENESIS_TIME.plusSeconds(1), tx));

    applier.apply(2, batch(GENESIS_TIME.plusSeconds(2), tx));

    assertThat(store.height()).isEqualTo(1);
    assertThat(store.appliedIndex()).isEqualTo(2);
    assertThat(listener.batches).hasSize(2);
    assertThat(listener.batches.get(0).block()).isPresent();
    assertThat(listener.batches.get(1).block()).isEmpty();
    assertThat(listener.batches.get(1).transactions()).hasSize(1);
  }

  @Test
  void aBatchOfUndecodableTransactionsOnlyMakesNoBlock() {
    applier.apply(1, batchOf(GENESIS_TIME.plusSeconds(1), List.of(new byte[] {1, 2, 3})));

    assertThat(store.height()).isZero();
    assertThat(store.appliedIndex()).isEqualTo(1);
    assertThat(listener.batches).singleElement().satisfies(b -> assertThat(b.block()).isEmpty());
  }

  @Test
  void anEntryThatIsNoLogEntryChangesOnlyTheAppliedIndex() {
    applier.apply(1, new byte[] {0x7f, 0x00, 0x01});

    assertThat(store.height()).isZero();
    assertThat(store.appliedIndex()).isEqualTo(1);
    assertThat(listener.batches).isEmpty();
    assertThat(listener.added).isEmpty();
    assertThat(listener.rejected).isEmpty();
  }

  @Test
  void anEntryAtOrBelowTheAppliedIndexIsSkipped() {
    byte[] entry = batch(GENESIS_TIME.plusSeconds(1), recordOf("alice"));
    applier.apply(5, entry);

    applier.apply(5, entry);
    applier.apply(5, batch(GENESIS_TIME.plusSeconds(2), recordOf("bob")));
    applier.apply(3, batch(GENESIS_TIME.plusSeconds(3), recordOf("carol")));

    assertThat(store.height()).isEqualTo(1);
    assertThat(store.block(1).orElseThrow().transactions()).hasSize(1);
    assertThat(store.appliedIndex()).isEqualTo(5);
    assertThat(listener.batches).hasSize(1);

    applier.apply(6, batch(GENESIS_TIME.plusSeconds(4), recordOf("dave")));
    assertThat(store.height()).isEqualTo(2);
  }

  @Test
  void aSkippedSealIsNotStoredAgain() {
    BlockHeader header = applyBlock(1);
    byte[] entry = vote(1, header, sealOf(header));
    applier.apply(2, entry);

    applier.apply(2, entry);
    applier.apply(1, entry);

    assertThat(store.seals(1)).hasSize(1);
    assertThat(listener.added).hasSize(1);
  }

  @Test
  void aValidSealIsStoredOnceAndReported() {
    BlockHeader header = applyBlock(1);
    BlockSeal seal = sealOf(header);

    applier.apply(2, vote(1, header, seal));

    assertThat(store.seals(1)).containsExactly(seal);
    assertThat(store.appliedIndex()).isEqualTo(2);
    assertThat(listener.added).containsExactly(new Recording.Added(1, seal, List.of(seal)));
    assertThat(listener.rejected).isEmpty();

    // The same seal again, in a later entry (the validator re-sent it): applied, nothing new kept.
    applier.apply(3, vote(1, header, seal));

    assertThat(store.seals(1)).containsExactly(seal);
    assertThat(store.appliedIndex()).isEqualTo(3);
    assertThat(listener.added).hasSize(1);
    assertThat(listener.rejected).isEmpty();
  }

  @Test
  void aSealByANonValidatorIsRejected() {
    BlockHeader header = applyBlock(1);
    TestConsortium.Member nurse = consortium.issue("st-mary", "nurse-joy", Role.NURSE);

    applier.apply(2, vote(1, header, BlockSeal.sign("nurse-joy", nurse.signing(), header)));

    assertRejected(1, "nurse-joy", "is not a validator", 2);
  }

  @Test
  void aSealOverAnotherHeaderHashIsRejected() {
    BlockHeader header = applyBlock(1);
    BlockHeader genesis = store.header(0).orElseThrow();

    // A validly signed seal, but over block 0's header, voted as a seal of block 1.
    applier.apply(2, vote(1, genesis, sealOf(genesis)));

    assertRejected(1, PROPOSER, "sealed header " + genesis.hash().hex(), 2);
  }

  @Test
  void aSealWithABadSignatureIsRejected() {
    BlockHeader header = applyBlock(1);
    BlockHeader genesis = store.header(0).orElseThrow();
    // Signed over another header, voted for the right one: the signature does not match it.
    BlockSeal wrongMessage = sealOf(genesis);
    byte[] flipped = sealOf(header).signature();
    flipped[flipped.length / 2] ^= 0x01;

    applier.apply(2, vote(1, header, wrongMessage));
    applier.apply(3, vote(1, header, new BlockSeal(PROPOSER, flipped)));

    assertThat(listener.rejected).hasSize(2).allSatisfy(r -> {
      assertThat(r.height()).isEqualTo(1);
      assertThat(r.validator()).isEqualTo(PROPOSER);
      assertThat(r.reason()).contains("signature does not verify");
    });
    assertThat(store.seals(1)).isEmpty();
    assertThat(listener.added).isEmpty();
    assertThat(store.appliedIndex()).isEqualTo(3);
  }

  @Test
  void aSealForABlockNotYetAppliedIsRejected() {
    BlockHeader header = applyBlock(1);

    applier.apply(2, vote(2, header, sealOf(header)));

    assertRejected(2, PROPOSER, "block 2 does not exist", 2);
    assertThat(store.seals(1)).isEmpty();
  }

  /**
   * A seal vote whose height does not fit a signed 64-bit number (the wire has uint64) is not a
   * log entry at all: it is refused when decoded, changes nothing and is passed over.
   */
  @Test
  void aSealForAHeightBeyondTheLargestIsNotALogEntry() {
    BlockHeader header = applyBlock(1);
    byte[] entry = org.medledger.ledger.codec.pb.LogEntry.newBuilder()
        .setSeal(org.medledger.ledger.codec.pb.SealVote.newBuilder()
            .setHeight(-1) // 2^64 - 1 on the wire
            .setHeaderHash(com.google.protobuf.ByteString.copyFrom(header.hash().toByteArray()))
            .setSeal(org.medledger.ledger.codec.pb.BlockSeal.newBuilder().setValidator(PROPOSER)
                .setSignature(com.google.protobuf.ByteString.copyFrom(sealOf(header).signature()))))
        .build().toByteArray();

    applier.apply(2, entry);

    assertThat(listener.rejected).isEmpty();
    assertThat(listener.added).isEmpty();
    assertThat(store.seals(1)).isEmpty();
    assertThat(store.appliedIndex()).isEqualTo(2);
  }

  private void assertRejected(long height, String sealer, String reason, long index) {
    assertThat(listener.rejected).singleElement().satisfies(r -> {
      assertThat(r.height()).isEqualTo(height);
      assertThat(r.validator()).isEqualTo(sealer);
      assertThat(r.reason()).contains(reason);
    });
    assertThat(listener.added).isEmpty();
    for (long h = 0; h <= store.height(); h++) {
      assertThat(store.seals(h)).as("seals of block %d", h).isEmpty();
    }
    assertThat(store.appliedIndex()).isEqualTo(index);
  }
}
