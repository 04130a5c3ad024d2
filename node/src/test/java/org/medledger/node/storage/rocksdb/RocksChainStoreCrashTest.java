package org.medledger.node.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.chain.TransactionLocation;

/**
 * A process killed (SIGKILL) while appending: the restarted store holds every block whose append
 * returned, each whole, and carries on. This tests a process crash; the fsync that also covers a
 * power cut cannot be tested here.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RocksChainStoreCrashTest {
  private static final int ROUNDS = 3;
  private static final int BLOCKS_BEFORE_KILL = 25;

  @TempDir
  Path temp;

  @Test
  void aStoreKilledMidAppendResumesAtItsLastCommittedBlockEveryTime() throws Exception {
    Path dataDir = temp.resolve("chain");
    long lastReported = -1;
    for (int round = 0; round < ROUNDS; round++) {
      long reported = appendUntilKilled(dataDir, lastReported + BLOCKS_BEFORE_KILL);

      try (RocksChainStore store = RocksChainStore.open(dataDir)) {
        assertThat(store.height()).as("round %d", round).isGreaterThanOrEqualTo(reported);
        assertWholeChain(store);
        lastReported = store.height();
      }
    }
  }

  /** Runs {@link CrashingAppender} until it reports block {@code killAt}, then kills it. */
  private static long appendUntilKilled(Path dataDir, long killAt) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        CrashingAppender.class.getName(), dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    long reported = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          reported = Long.parseLong(line.substring("committed ".length()));
          if (reported >= killAt) {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(reported).as("the child appended up to block %d", killAt).isGreaterThanOrEqualTo(killAt);
    return reported;
  }

  private static void assertWholeChain(RocksChainStore store) {
    List<Block> expected = TestBlocks.chainOf((int) store.height() + 1);
    for (Block block : expected) {
      long h = block.height();
      assertThat(store.block(h)).contains(block);
      assertThat(store.header(h)).contains(block.header());
      for (int i = 0; i < block.transactions().size(); i++) {
        assertThat(store.locate(block.transactions().get(i).id())).contains(new TransactionLocation(h, i));
      }
      assertThat(store.state().get(TestBlocks.blockKey(h))).hasValue(block.header().hash().toByteArray());
    }
  }
}
