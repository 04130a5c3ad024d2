package org.medledger.bench.load;

import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeException;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Submits one pre-signed transaction to the next node and waits for its receipt; records the
 * outcome (with the access decision the receipt reports, if any) and, if committed, the latency
 * from {@code startNanos} (the send time in a closed loop, the scheduled send time in an open loop).
 */
final class Submission {
  private final Targets targets;
  private final Outcomes outcomes;
  private final LatencyRecorder latencies;

  Submission(Targets targets, Outcomes outcomes, LatencyRecorder latencies) {
    this.targets = targets;
    this.outcomes = outcomes;
    this.latencies = latencies;
  }

  void submit(int index, SignedTransaction transaction, long startNanos) {
    outcomes.sent();
    try {
      CommittedTransaction committed = targets.next().submit(transaction);
      long latency = System.nanoTime() - startNanos;
      if (committed.success()) {
        outcomes.committed();
        for (Event event : committed.receipt().result().events()) {
          if (event.name().equals(DecisionCounts.EVENT)) {
            outcomes.decided(event.attributes().getOrDefault("effect", "?"),
                event.attributes().getOrDefault("reason", "?"));
          }
        }
      } else {
        outcomes.committedFailed(committed.receipt().result().code());
      }
      latencies.record(index, latency);
    } catch (NodeException e) {
      outcomes.refused(e.code());
    } catch (RuntimeException e) {
      outcomes.refused("client-" + e.getClass().getSimpleName());
    }
  }

  Outcomes outcomes() {
    return outcomes;
  }
}
