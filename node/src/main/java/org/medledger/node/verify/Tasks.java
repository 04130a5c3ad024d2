package org.medledger.node.verify;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.medledger.node.storage.StorageException;

/** Waiting for the checks the verifier runs ahead on its pool. */
final class Tasks {
  private Tasks() {}

  /** Waits for a task; its failure is rethrown as it was thrown. */
  static void join(Future<?> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("verification was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
