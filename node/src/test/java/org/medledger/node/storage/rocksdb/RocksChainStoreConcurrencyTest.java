package org.medledger.node.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.state.StateChanges;
import org.medledger.node.storage.Column;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RocksChainStoreConcurrencyTest {
  private static final int READERS = 4;

  @TempDir
  Path temp;

  private final ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);

  @AfterEach
  void stopThreads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void readersDuringAppendsSeeOnlyWholeBlocks() throws Exception {
    List<Block> chain = TestBlocks.chainOf(150);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong checkedBlocks = new AtomicLong();
    try (RocksChainStore store = RocksChainStore.open(temp.resolve("chain"))) {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(threads.submit(() -> {
          while (writing.get()) {
            long h = store.height();
            if (h >= 0) {
              assertWholeBlock(store, chain.get((int) h));
              checkedBlocks.incrementAndGet();
            }
          }
          return null;
        }));
      }
      Future<?> writer = threads.submit(() -> {
        try {
          TestBlocks.appendAll(store, chain);
        } finally {
          writing.set(false);
        }
        return null;
      });

      writer.get();
      for (Future<?> reader : readers) {
        reader.get();
      }
      assertThat(store.height()).isEqualTo(149);
      assertThat(checkedBlocks.get()).isPositive();
    }
  }

  /** Block h, its header, each index entry and its state writes, all readable at once. */
  private static void assertWholeBlock(RocksChainStore store, Block expected) {
    long h = expected.height();
    assertThat(store.block(h)).contains(expected);
    assertThat(store.header(h)).contains(expected.header());
    for (int i = 0; i < expected.transactions().size(); i++) {
      assertThat(store.locate(expected.transactions().get(i).id())).contains(new TransactionLocation(h, i));
    }
    assertThat(store.state().get(TestBlocks.blockKey(h))).hasValue(expected.header().hash().toByteArray());
  }

  @Test
  void twoWritersRacingForTheSameHeightCommitItOnce() throws Exception {
    List<Block> chain = TestBlocks.chainOf(2);
    try (RocksChainStore store = RocksChainStore.open(temp.resolve("chain"))) {
      store.append(chain.get(0), StateChanges.NONE);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> writers = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        writers.add(threads.submit(() -> {
          start.await();
          try {
            store.append(chain.get(1), TestBlocks.changesFor(chain.get(1)));
            return true;
          } catch (IllegalStateException refused) {
            return false;
          }
        }));
      }
      start.countDown();

      assertThat(List.of(writers.get(0).get(), writers.get(1).get())).containsExactlyInAnyOrder(true, false);
      assertThat(store.height()).isEqualTo(1);
    }
  }

  @Test
  void closingWhileReadersRunStopsThemWithAClearErrorAndNothingWorse() throws Exception {
    List<Block> chain = TestBlocks.chainOf(3);
    RocksChainStore store = RocksChainStore.open(temp.resolve("chain"));
    TestBlocks.appendAll(store, chain);
    CountDownLatch reading = new CountDownLatch(READERS);
    List<Future<Throwable>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(threads.submit(() -> {
        reading.countDown();
        try {
          while (true) {
            assertWholeBlock(store, chain.get(2));
            store.raw().forEach(Column.TX_INDEX, (k, v) -> { });
          }
        } catch (Throwable stopped) {
          return stopped;
        }
      }));
    }
    reading.await();

    store.close();

    for (Future<Throwable> reader : readers) {
      assertThat(reader.get()).isInstanceOf(IllegalStateException.class).hasMessageEndingWith(" is closed");
    }
    assertThatThrownBy(store::height).isInstanceOf(IllegalStateException.class);
  }
}
