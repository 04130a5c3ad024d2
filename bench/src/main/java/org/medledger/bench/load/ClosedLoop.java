package org.medledger.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * {@code concurrency} clients, each sending its next transaction as soon as the previous one is
 * committed: the node's saturated throughput when the concurrency exceeds what one block holds
 * per block time. Latency is measured from each actual send.
 */
final class ClosedLoop implements LoadPattern {
  private final int concurrency;

  ClosedLoop(int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be positive");
    }
    this.concurrency = concurrency;
  }

  @Override
  public void run(List<SignedTransaction> transactions, Submission submission) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Thread> clients = new ArrayList<>(concurrency);
    for (int c = 0; c < concurrency; c++) {
      Thread client = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < transactions.size(); i = next.getAndIncrement()) {
          submission.submit(i, transactions.get(i), System.nanoTime());
        }
      }, "load-client-" + c);
      client.setDaemon(true);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
  }

  @Override
  public String describe() {
    return "closed loop, " + concurrency + " concurrent clients";
  }
}
