package org.medledger.node.consensus.ratis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ratis.proto.RaftProtos;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.util.LifeCycle;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.node.consensus.LogApplier;
import org.medledger.node.storage.CheckpointableChainStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis face of the ledger: {@code startTransaction} (on the leader) refuses entries that are
 * not log entries at all, cheaply; {@code applyTransaction} (on every validator, in log order)
 * hands each committed entry to the {@link LogApplier}, which does the real work
 * deterministically and skips entries already applied before a restart.
 *
 * <p><b>Snapshots.</b> {@code takeSnapshot} (on the applying thread, between two entries) writes
 * a checkpoint of the chain store as {@code sm/snap-TERM_INDEX}, labelled with the last applied
 * entry; the checkpoint itself records the store's applied index, which may be higher (entries
 * replayed after a restart and skipped). When the leader has purged the entries a follower lacks,
 * Ratis installs the leader's latest snapshot in the follower's {@code sm/} and calls
 * {@link #reinitialize()}: the follower's chain store is then replaced by the installed checkpoint.
 * The same happens at start if the latest snapshot holds more than the store (a crash during an
 * installation).
 */
final class LedgerStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerStateMachine.class);

  private final LogApplier applier;
  /** The store behind the applier, for checkpoints; null if this replica takes no snapshots. */
  private final CheckpointableChainStore store;
  private final Runnable halt;
  private final SnapshotDirectory snapshots = new SnapshotDirectory();
  /** Serialises applying an entry, taking a snapshot and installing one. */
  private final Object applying = new Object();
  private final AtomicInteger installed = new AtomicInteger();
  /** Set for good once an entry could not be applied: nothing after it may be applied here. */
  private volatile RuntimeException failure;

  /**
   * @param halt called once if an entry cannot be applied (e.g. the disk fails): this validator
   *     must then leave the group, since applying later entries would fork its chain
   */
  LedgerStateMachine(LogApplier applier, CheckpointableChainStore store, Runnable halt) {
    this.applier = applier;
    this.store = store;
    this.halt = halt;
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return snapshots;
  }

  /**
   * Reads the latest snapshot (Ratis resumes applying after it): brings the store up to it if it
   * holds less, and starts from its term and index.
   */
  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
    super.initialize(server, groupId, storage);
    snapshots.init(storage);
    getLifeCycle().startAndTransition(this::loadLatestSnapshot, IOException.class);
  }

  /** Ratis pauses the state machine before it installs a snapshot from the leader, and insists on PAUSED. */
  @Override
  public void pause() {
    getLifeCycle().transition(LifeCycle.State.PAUSING);
    snapshots.invalidate();
    getLifeCycle().transition(LifeCycle.State.PAUSED);
  }

  /** After Ratis installed a snapshot from the leader in {@code sm/}: the chain store becomes its checkpoint. */
  @Override
  public void reinitialize() throws IOException {
    getLifeCycle().transition(LifeCycle.State.STARTING);
    loadLatestSnapshot();
    getLifeCycle().transition(LifeCycle.State.RUNNING);
  }

  private void loadLatestSnapshot() throws IOException {
    snapshots.invalidate();
    Optional<SnapshotDirectory.Snapshot> latest = snapshots.latestOnDisk();
    if (latest.isEmpty()) {
      return;
    }
    SnapshotDirectory.Snapshot snapshot = latest.get();
    synchronized (applying) {
      if (store != null) {
        try {
          long holds = store.checkpointAppliedIndex(snapshot.directory());
          long had = store.appliedIndex();
          if (holds > had) {
            store.replaceWith(snapshot.directory());
            installed.incrementAndGet();
            applier.chainReplaced();
            LOG.info("the chain store was replaced by snapshot {} (log index {}, up from {}); now at block {}",
                snapshot.termIndex(), holds, had, store.height());
          }
        } catch (RuntimeException e) {
          failure = new IllegalStateException("snapshot " + snapshot.termIndex() + " could not be installed: "
              + e.getMessage(), e);
          LOG.error("snapshot {} in {} could not be installed; this validator stops (restart it once the cause is "
              + "fixed): {}", snapshot.termIndex(), snapshot.directory(), e.getMessage());
          halt.run();
          throw new IOException(failure.getMessage(), e);
        }
      }
      TermIndex last = getLastAppliedTermIndex();
      if (last == null || snapshot.termIndex().compareTo(last) > 0) {
        updateLastAppliedTermIndex(snapshot.termIndex());
      }
    }
  }

  /**
   * Writes a checkpoint of the chain store at the last applied entry. Runs on the applying thread
   * between two entries; the lock keeps any other apply out as well.
   *
   * @return the index of the snapshot, or {@link RaftLog#INVALID_LOG_INDEX} if none was taken
   */
  @Override
  public long takeSnapshot() throws IOException {
    if (store == null) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    synchronized (applying) {
      TermIndex last = getLastAppliedTermIndex();
      if (failure != null || last == null || last.getIndex() < 0) {
        return RaftLog.INVALID_LOG_INDEX;
      }
      Path target = snapshots.named(last);
      if (Files.isDirectory(target)) {
        return last.getIndex();
      }
      Path temporary = snapshots.temporary(last);
      SnapshotDirectory.deleteTree(temporary);
      try {
        long holds = store.checkpoint(temporary);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.debug("snapshot {} taken (chain store at log index {})", last, holds);
      } catch (RuntimeException e) {
        SnapshotDirectory.deleteTree(temporary);
        throw new IOException("the snapshot at " + last + " could not be taken: " + e.getMessage(), e);
      } finally {
        snapshots.invalidate();
      }
      return last.getIndex();
    }
  }

  /** How many snapshots replaced the chain store since this state machine was created. */
  int snapshotsInstalled() {
    return installed.get();
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
      synchronized (applying) {
        applier.apply(entry.getIndex(), entry.getStateMachineLogEntry().getLogData().toByteArray());
      }
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
