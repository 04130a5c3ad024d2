package org.medledger.node.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.StorageLayout;

/** Bytes changed behind the chain's back, through the raw API, are reported as damage. */
class RocksChainStoreTamperTest {
  @TempDir
  Path temp;

  private final List<Block> chain = TestBlocks.chainOf(5);
  private Path dataDir;

  @BeforeEach
  void storeAChain() {
    dataDir = temp.resolve("chain").toAbsolutePath();
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      TestBlocks.appendAll(store, chain);
    }
  }

  @Test
  void aFlippedByteInAStoredBlockReadsAsDamageNamingTheHeight() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      flipByte(store, Column.BLOCKS, StorageLayout.heightKey(3), 0);

      assertThatThrownBy(() -> store.block(3))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("block 3 in " + dataDir + " is damaged: ")
          .hasNoCause();
      assertThat(store.block(2)).contains(chain.get(2));
      assertThat(store.header(3)).contains(chain.get(3).header());
    }
  }

  @Test
  void aFlippedByteInAStoredHeaderReadsAsDamageNamingTheHeight() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      flipByte(store, Column.HEADERS, StorageLayout.heightKey(1), 0);

      assertThatThrownBy(() -> store.header(1))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("the header of block 1 in " + dataDir + " is damaged: ");
      assertThat(store.block(1)).contains(chain.get(1));
    }
  }

  @Test
  void aFlipInsideAHashKeepsTheEncodingValidSoTheBlockReadsBackChangedForVerifyChainToCatch() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      byte[] stored = store.raw().raw(Column.HEADERS, StorageLayout.heightKey(3)).orElseThrow();
      int inPreviousHash = indexOf(stored, chain.get(2).header().hash().toByteArray());
      flipByte(store, Column.HEADERS, StorageLayout.heightKey(3), inPreviousHash + 7);

      assertThat(store.header(3)).hasValueSatisfying(header -> {
        assertThat(header).isNotEqualTo(chain.get(3).header());
        assertThat(header.previousHash()).isNotEqualTo(chain.get(2).header().hash());
      });
    }
  }

  @Test
  void aBlockStoredUnderAnotherHeightReadsAsDamage() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      byte[] block1 = store.raw().raw(Column.BLOCKS, StorageLayout.heightKey(1)).orElseThrow();
      store.raw().overwriteRaw(Column.BLOCKS, StorageLayout.heightKey(2), block1);

      assertThatThrownBy(() -> store.block(2))
          .isInstanceOf(StorageException.class)
          .hasMessage("block 2 in " + dataDir + " is damaged: it holds block 1");
    }
  }

  @Test
  void aDeletedBlockBelowTheHeadReadsAsMissing() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.raw().deleteRaw(Column.BLOCKS, StorageLayout.heightKey(2));

      assertThatThrownBy(() -> store.block(2))
          .isInstanceOf(StorageException.class)
          .hasMessage("block 2 in " + dataDir + " is missing (the head is block 4)");
    }
  }

  @Test
  void aTruncatedTransactionIndexEntryReadsAsDamageNamingTheTransaction() {
    SignedTransaction tx = chain.get(2).transactions().get(0);
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      byte[] key = StorageLayout.transactionKey(tx.id());
      byte[] entry = store.raw().raw(Column.TX_INDEX, key).orElseThrow();
      store.raw().overwriteRaw(Column.TX_INDEX, key, Arrays.copyOf(entry, entry.length - 1));

      assertThatThrownBy(() -> store.locate(tx.id()))
          .isInstanceOf(StorageException.class)
          .hasMessage("the transaction index entry of " + tx.id().hex() + " in " + dataDir
              + " is damaged: expected 12 bytes, found 11");
    }
  }

  @Test
  void aRewrittenTransactionIndexEntryIsWhatLocateReturns() {
    SignedTransaction tx = chain.get(2).transactions().get(0);
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.raw().overwriteRaw(Column.TX_INDEX, StorageLayout.transactionKey(tx.id()),
          StorageLayout.locationValue(new TransactionLocation(1, 1)));

      assertThat(store.locate(tx.id())).contains(new TransactionLocation(1, 1));
    }
  }

  @Test
  void aTransactionIndexEntryPointingAboveTheHeadReadsAsDamage() {
    SignedTransaction tx = chain.get(2).transactions().get(0);
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.raw().overwriteRaw(Column.TX_INDEX, StorageLayout.transactionKey(tx.id()),
          StorageLayout.locationValue(new TransactionLocation(9, 0)));

      assertThatThrownBy(() -> store.locate(tx.id()))
          .isInstanceOf(StorageException.class)
          .hasMessageEndingWith("is damaged: it points to block 9, above the head (block 4)");
    }
  }

  @Test
  void aFlippedStateValueIsWhatTheStateReturns() {
    String key = TestBlocks.blockKey(3);
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      byte[] original = store.state().get(key).orElseThrow();
      flipByte(store, Column.STATE, StorageLayout.stateKey(key), 0);

      assertThat(store.state().get(key)).hasValueSatisfying(v -> assertThat(v).isNotEqualTo(original));
    }
  }

  @Test
  void aGarbledHeadRecordMakesTheStoreRefuseToOpen() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.raw().overwriteRaw(Column.META, StorageLayout.HEAD_KEY, new byte[] {1, 2, 3});
    }

    assertThatThrownBy(() -> RocksChainStore.open(dataDir))
        .isInstanceOf(StorageException.class)
        .hasMessage("the head record in " + dataDir + " is damaged: expected 8 bytes, found 3");
  }

  @Test
  void aHeadRecordRolledBackBehindTheCommittedHeadMakesTheStoreRefuseToOpen() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.raw().overwriteRaw(Column.META, StorageLayout.HEAD_KEY, StorageLayout.heightKey(2));
    }

    assertThatThrownBy(() -> RocksChainStore.open(dataDir))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("data directory " + dataDir + " is damaged: it holds blocks up to 2 "
            + "but had committed blocks up to 4");
  }

  @Test
  void appendingOnADamagedHeadHeaderFailsAndWritesNothing() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      flipByte(store, Column.HEADERS, StorageLayout.heightKey(4), 3);
      Map<Column, List<String>> before = RawContents.of(store.raw());
      Block next = TestBlocks.after(chain.get(4)).build();

      assertThatThrownBy(() -> store.append(next, TestBlocks.changesFor(next)))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("the header of block 4 in " + dataDir + " is damaged: ");
      assertThat(store.height()).isEqualTo(4);
      assertThat(RawContents.of(store.raw())).isEqualTo(before);
    }
  }

  @Test
  void rawIterationVisitsEveryEntryInKeyOrder() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      List<Long> heights = new ArrayList<>();
      store.raw().forEach(Column.BLOCKS, (key, value) -> heights.add(StorageLayout.height(key)));
      List<byte[]> indexKeys = new ArrayList<>();
      store.raw().forEach(Column.TX_INDEX, (key, value) -> indexKeys.add(key));

      assertThat(heights).containsExactly(0L, 1L, 2L, 3L, 4L);
      assertThat(indexKeys).hasSize(5 * TestBlocks.DEFAULT_TRANSACTIONS)
          .isSortedAccordingTo(Arrays::compareUnsigned);
    }
  }

  @Test
  void aScanStartsAtItsKeyAndStopsWhenTheVisitorSaysSo() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      List<Long> heights = new ArrayList<>();
      store.raw().scan(Column.HEADERS, StorageLayout.heightKey(2), (key, value) -> {
        heights.add(StorageLayout.height(key));
        return heights.size() < 2;
      });

      assertThat(heights).containsExactly(2L, 3L);
    }
  }

  @Test
  void anIntactStorePassesTheChecksumVerification() {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      store.raw().verifyChecksums();
      assertThat(store.height()).isEqualTo(4);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static void flipByte(RocksChainStore store, Column column, byte[] key, int offset) {
    byte[] value = store.raw().raw(column, key).orElseThrow();
    value[offset] ^= 0x01;
    store.raw().overwriteRaw(column, key, value);
  }
}
