package org.medledger.node.consensus.ratis;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.util.LifeCycle;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.node.consensus.LogApplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis face of the ledger: {@code startTransaction} (on the leader) refuses entries that are
 * not log entries at all, cheaply; {@code applyTransaction} (on every validator, in log order)
 * hands each committed entry to the {@link LogApplier}, which does the real work
 * deterministically and skips entries already applied before a restart.
 */
final class LedgerStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStateMachine.class);

  private final LogApplier applier;
  private final Runnable halt;
  /** Set for good once an entry could not be applied: nothing after it may be applied here. */
  private volatile RuntimeException failure;

  /**
   * @param halt called once if an entry cannot be applied (e.g. the disk fails): this validator
   *     must then leave the group, since applying later entries would fork its chain
   */
  LedgerStateMachine(LogApplier applier, Runnable halt) {
    this.applier = applier;
    this.halt = halt;
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
    super.initialize(server, groupId, storage);
    getLifeCycle().startAndTransition(() -> {});
  }

  /**
   * Ratis pauses the state machine before it installs a snapshot from the leader, and insists on
   * the PAUSED state (the base class does nothing). The ledger keeps no snapshot of its own yet:
   * its log is replayed, skipping what the store already holds.
   */
  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  @Override
  public void reinitialize() {
    getLifeCycle().transition(LifeCycle.State.STARTING);
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  @Override
  public TransactionContext startTransaction(RaftClientRequest request) {
    TransactionContext context = TransactionContext.newBuilder().setStateMachine(this).setClientRequest(request).build();
    try {
      LogEntryCodec.decode(request.getMessage().getContent().toByteArray());
    } catch (MalformedEncodingException e) {
      context.setException(new IllegalArgumentException("not a MedLedger log entry: " + e.getMessage()));
    }
    return context;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext transaction) {
    RaftProtos.LogEntryProto entry = transaction.getLogEntry();
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    try {
      applier.apply(entry.getIndex(), entry.getStateMachineLogEntry().getLogData().toByteArray());
    } catch (RuntimeException e) {
      failure = new IllegalStateException("this validator stopped at log entry " + entry.getIndex()
          + ", which it could not apply: " + e.getMessage(), e);
      LOG.error("log entry {} could not be applied; this validator stops (restart it once the cause is fixed: "
          + "it resumes from its last stored block): {}", entry.getIndex(), e.getMessage());
      halt.run();
      return CompletableFuture.failedFuture(failure);
    }
    updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    return CompletableFuture.completedFuture(Message.EMPTY);
  }
}
