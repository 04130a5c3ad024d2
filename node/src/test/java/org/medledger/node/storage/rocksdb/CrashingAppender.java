package org.medledger.node.storage.rocksdb;

import java.nio.file.Path;
import org.medledger.ledger.block.Block;

/**
 * Run in a child JVM by {@link RocksChainStoreCrashTest}: appends {@link TestBlocks} to the store
 * in the given directory, continuing from its head, and prints {@code committed <height>} after
 * each append returns, until the test kills the process.
 */
public final class CrashingAppender {
  private CrashingAppender() {}

  public static void main(String[] args) {
    RocksChainStore store = RocksChainStore.open(Path.of(args[0]));
    long head = store.height();
    Block previous = head < 0 ? null : store.block(head).orElseThrow();
    System.out.println("opened " + head);
    System.out.flush();
    while (true) {
      Block next = previous == null ? TestBlocks.genesis().build() : TestBlocks.after(previous).build();
      store.append(next, TestBlocks.changesFor(next));
      System.out.println("committed " + next.height());
      System.out.flush();
      previous = next;
    }
  }
}
