package org.medledger.bench.load;

import java.io.PrintStream;

/** Prints one line per interval while a run lasts: sent, committed, failed, and the committed rate. */
final class Progress implements AutoCloseable {
  private final Thread thread;

  Progress(String label, Outcomes outcomes, PrintStream out, long intervalMillis) {
    long start = System.nanoTime();
    thread = new Thread(() -> {
      long lastCommitted = 0;
      long last = start;
      try {
        while (true) {
          Thread.sleep(intervalMillis);
          long now = System.nanoTime();
          long committed = outcomes.committedCount();
          out.printf("[%s] %5.1f s  sent %d  committed %d  failed %d  %.0f tx/s%n", label, (now - start) / 1e9,
              outcomes.sentCount(), committed, outcomes.failureCount(), (committed - lastCommitted) * 1e9 / (now - last));
          lastCommitted = committed;
          last = now;
        }
      } catch (InterruptedException e) {
        // the run is over
      }
    }, "load-progress");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
