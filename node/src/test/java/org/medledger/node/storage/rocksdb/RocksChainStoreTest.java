package org.medledger.node.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.StorageException;

class RocksChainStoreTest {
  @TempDir
  Path temp;

  private Path dataDir() {
    return temp.resolve("chain");
  }

  @Test
  void aNewStoreIsEmpty() {
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      assertThat(store.height()).isEqualTo(-1);
      assertThat(store.block(0)).isEmpty();
      assertThat(store.header(0)).isEmpty();
      assertThat(store.locate(TestBlocks.transaction("anything").id())).isEmpty();
      assertThat(store.state().get("test/block/0")).isEmpty();
    }
    assertThat(dataDir()).isDirectory();
  }

  @Test
  void appendedBlocksReadBackWithTheirHeadersLocationsAndState() {
    List<Block> chain = TestBlocks.chainOf(4);
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, chain);

      assertThat(store.height()).isEqualTo(3);
      for (Block block : chain) {
        long h = block.height();
        assertThat(store.block(h)).contains(block);
        assertThat(store.header(h)).contains(block.header());
        for (int i = 0; i < block.transactions().size(); i++) {
          SignedTransaction tx = block.transactions().get(i);
          assertThat(store.locate(tx.id())).contains(new TransactionLocation(h, i));
          assertThat(store.state().get(TestBlocks.transactionKey(tx))).hasValue(tx.id().toByteArray());
        }
        assertThat(store.state().get(TestBlocks.blockKey(h))).hasValue(block.header().hash().toByteArray());
      }
    }
  }

  @Test
  void heightsAboveTheHeadOrBelowZeroHoldNothing() {
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, TestBlocks.chainOf(2));

      assertThat(store.block(2)).isEmpty();
      assertThat(store.header(2)).isEmpty();
      assertThat(store.block(-1)).isEmpty();
      assertThat(store.header(Long.MAX_VALUE)).isEmpty();
    }
  }

  @Test
  void aRestartedStoreResumesAtTheLastCommittedBlockWithIdenticalState() {
    List<Block> chain = TestBlocks.chainOf(5);
    Map<Column, List<String>> before;
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, chain);
      before = RawContents.of(store.raw());
    }

    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      assertThat(store.height()).isEqualTo(4);
      assertThat(RawContents.of(store.raw())).isEqualTo(before);
      assertThat(store.block(4)).contains(chain.get(4));
      assertThat(store.locate(chain.get(2).transactions().get(1).id())).contains(new TransactionLocation(2, 1));

      Block next = TestBlocks.after(chain.get(4)).build();
      store.append(next, TestBlocks.changesFor(next));
      assertThat(store.height()).isEqualTo(5);
    }
  }

  @Test
  void appendingAtAWrongHeightThrowsAndWritesNothing() {
    List<Block> chain = TestBlocks.chainOf(3);
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, chain.subList(0, 2));
      Map<Column, List<String>> before = RawContents.of(store.raw());

      Block skipping = TestBlocks.after(chain.get(2)).build();
      assertThatThrownBy(() -> store.append(skipping, TestBlocks.changesFor(skipping)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("block 3 cannot follow the head")
          .hasMessageContaining("the next block is 2");
      Block repeating = chain.get(1);
      assertThatThrownBy(() -> store.append(repeating, TestBlocks.changesFor(repeating)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("block 1 cannot follow the head");

      assertThat(store.height()).isEqualTo(1);
      assertThat(RawContents.of(store.raw())).isEqualTo(before);
    }
  }

  @Test
  void appendingABlockThatDoesNotLinkToTheHeadThrowsAndWritesNothing() {
    List<Block> chain = TestBlocks.chainOf(2);
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, chain);
      Map<Column, List<String>> before = RawContents.of(store.raw());

      Block unlinked = TestBlocks.after(chain.get(1)).previousHash(chain.get(0).header().hash()).build();
      assertThatThrownBy(() -> store.append(unlinked, TestBlocks.changesFor(unlinked)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("block 2 does not link to block 1")
          .hasMessageContaining(chain.get(1).header().hash().hex());

      assertThat(store.height()).isEqualTo(1);
      assertThat(RawContents.of(store.raw())).isEqualTo(before);
    }
  }

  @Test
  void aGenesisBlockMayCarryAnyPreviousHash() {
    Digest arbitrary = Digest.sha256("before genesis".getBytes(StandardCharsets.UTF_8));
    Block genesis = TestBlocks.genesis().previousHash(arbitrary).build();
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      store.append(genesis, StateChanges.NONE);

      assertThat(store.header(0)).hasValueSatisfying(h -> assertThat(h.previousHash()).isEqualTo(arbitrary));
    }
  }

  @Test
  void aBlockWhoseTransactionIsAlreadyIndexedIsRefusedAndWritesNothing() {
    List<Block> chain = TestBlocks.chainOf(2);
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, chain);
      Map<Column, List<String>> before = RawContents.of(store.raw());
      SignedTransaction replayed = chain.get(0).transactions().get(1);

      Block replay = TestBlocks.after(chain.get(1))
          .transactions(TestBlocks.transaction("fresh"), replayed).build();
      assertThatThrownBy(() -> store.append(replay, TestBlocks.changesFor(replay)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("transaction " + replayed.id().hex())
          .hasMessageContaining("is already on chain (block 0, position 1)");

      assertThat(store.height()).isEqualTo(1);
      assertThat(store.locate(TestBlocks.transaction("fresh").id())).isEmpty();
      assertThat(RawContents.of(store.raw())).isEqualTo(before);
    }
  }

  @Test
  void aBlockThatRepeatsATransactionWithinItselfIsRefused() {
    SignedTransaction tx = TestBlocks.transaction("twice");
    Block block = TestBlocks.genesis().transactions(tx, tx).build();
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      assertThatThrownBy(() -> store.append(block, StateChanges.NONE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("appears twice in block 0");

      assertThat(store.height()).isEqualTo(-1);
      assertThat(store.locate(tx.id())).isEmpty();
    }
  }

  @Test
  void deletesRemoveStateAndPutsReplaceIt() {
    List<Block> chain = TestBlocks.chainOf(2);
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      store.append(chain.get(0), StateChanges.of(Map.of(
          "consent/p1", Optional.of(new byte[] {1}),
          "consent/p2", Optional.of(new byte[] {2}))));
      store.append(chain.get(1), StateChanges.of(Map.of(
          "consent/p1", Optional.empty(),
          "consent/p2", Optional.of(new byte[] {3}),
          "consent/never-written", Optional.empty())));

      assertThat(store.state().get("consent/p1")).isEmpty();
      assertThat(store.state().get("consent/p2")).hasValue(new byte[] {3});
      assertThat(store.state().get("consent/never-written")).isEmpty();
    }
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      assertThat(store.state().get("consent/p1")).isEmpty();
      assertThat(store.state().get("consent/p2")).hasValue(new byte[] {3});
    }
  }

  @Test
  void aBlockWithoutTransactionsOrStateChangesIsStored() {
    Block empty = TestBlocks.genesis().transactionCount(0).build();
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      store.append(empty, StateChanges.NONE);

      assertThat(store.height()).isZero();
      assertThat(store.block(0)).contains(empty);
    }
  }

  @Test
  void stateKeysAreStoredAsUtf8() {
    Block genesis = TestBlocks.genesis().build();
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      store.append(genesis, StateChanges.of(Map.of("records/zoë/ü", Optional.of(new byte[] {7}))));

      assertThat(store.state().get("records/zoë/ü")).hasValue(new byte[] {7});
      assertThat(store.raw().raw(Column.STATE, "records/zoë/ü".getBytes(StandardCharsets.UTF_8)))
          .hasValue(new byte[] {7});
    }
  }

  @Test
  void closeIsIdempotent() {
    RocksChainStore store = RocksChainStore.open(dataDir());
    TestBlocks.appendAll(store, TestBlocks.chainOf(1));

    store.close();
    store.close();

    try (RocksChainStore reopened = RocksChainStore.open(dataDir())) {
      assertThat(reopened.height()).isZero();
    }
  }

  @Test
  void aClosedStoreRefusesEveryUseWithAClearError() {
    List<Block> chain = TestBlocks.chainOf(2);
    RocksChainStore store = RocksChainStore.open(dataDir());
    store.append(chain.get(0), TestBlocks.changesFor(chain.get(0)));
    var state = store.state();
    var raw = store.raw();
    store.close();

    String closed = "the chain store in " + dataDir().toAbsolutePath() + " is closed";
    assertThatThrownBy(store::height).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.block(0)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.header(0)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.locate(Digest.ZERO)).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(store::state).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> state.get("test/block/0")).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(store::raw).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> raw.raw(Column.BLOCKS, new byte[8])).isInstanceOf(IllegalStateException.class)
        .hasMessage(closed);
    assertThatThrownBy(() -> store.append(chain.get(1), StateChanges.NONE))
        .isInstanceOf(IllegalStateException.class).hasMessage(closed);
  }

  @Test
  void aReadOnlyStoreReadsTheChainAndRefusesWrites() {
    List<Block> chain = TestBlocks.chainOf(3);
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      TestBlocks.appendAll(store, chain.subList(0, 2));
    }

    try (RocksChainStore store = RocksChainStore.openReadOnly(dataDir())) {
      assertThat(store.height()).isEqualTo(1);
      assertThat(store.block(1)).contains(chain.get(1));
      assertThatThrownBy(() -> store.append(chain.get(2), StateChanges.NONE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is open read-only");
      assertThatThrownBy(() -> store.raw().overwriteRaw(Column.STATE, new byte[] {1}, new byte[] {2}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is open read-only");
    }
  }

  @Test
  void openingReadOnlyWhereThereIsNoStoreFails() {
    assertThatThrownBy(() -> RocksChainStore.openReadOnly(dataDir()))
        .isInstanceOf(StorageException.class)
        .hasMessage("data directory " + dataDir().toAbsolutePath() + " does not exist");
    assertThat(dataDir()).doesNotExist();
  }

  @Test
  void openingADirectoryAlreadyInUseSaysSo() {
    try (RocksChainStore store = RocksChainStore.open(dataDir())) {
      assertThatThrownBy(() -> RocksChainStore.open(dataDir()))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("data directory " + dataDir().toAbsolutePath() + " is in use")
          .hasNoCause();
      assertThat(store.height()).isEqualTo(-1);
    }
  }

  @Test
  void openingAFileInsteadOfADirectoryFails() throws Exception {
    Path file = Files.writeString(temp.resolve("chain"), "not a store");

    assertThatThrownBy(() -> RocksChainStore.open(file))
        .isInstanceOf(StorageException.class)
        .hasMessage("data directory " + file.toAbsolutePath() + " is not a directory");
  }

  @Test
  void openingADirectoryOfForeignFilesFailsAndLeavesThemAlone() throws Exception {
    Path notes = Files.writeString(Files.createDirectories(dataDir()).resolve("notes.txt"), "keep me");

    assertThatThrownBy(() -> RocksChainStore.open(dataDir()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("is damaged or not a chain store");
    assertThat(Files.list(dataDir())).containsExactly(notes);
  }
}
