package org.medledger.node.consensus.ratis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.medledger.node.consensus.GroupMembership;
import org.medledger.node.consensus.LogApplier;
import org.medledger.node.consensus.Replicator;
import org.medledger.node.storage.CheckpointableChainStore;

/**
 * One validator's member of the Ratis group that replicates the ledger's log: a Raft server
 * holding this validator's log and state machine, and a client through which this validator
 * proposes entries (Ratis sends them to the leader). All traffic, server to server and client to
 * server, is mutual TLS with the validators' TLS certificates. The only class that wires Ratis.
 */
public final class RatisReplica implements Replicator, GroupMembership, AutoCloseable {
  private final RaftServer server;
  private final LedgerStateMachine stateMachine;
  private final RatisClient client;
  private final RaftGroupId groupId;
  private final String address;

  private RatisReplica(RaftServer server, LedgerStateMachine stateMachine, RatisClient client, RaftGroupId groupId,
      String address) {
    this.server = server;
    this.stateMachine = stateMachine;
    this.client = client;
    this.groupId = groupId;
    this.address = address;
  }

  /**
   * Who this replica is, how it reaches the others, and when it snapshots its state.
   *
   * @param peers the validators' addresses (id → HOST:PORT): the group a fresh validator of the
   *     genesis starts with, and where this validator's client looks for the leader
   * @param joining whether this validator is not in the genesis but joins a running group: on first
   *     start it waits, in an empty group, until the leader adds it (after governance approved it)
   */
  public record Settings(
      String chainId, String self, String listenHost, int listenPort, Map<String, String> peers, Path storage,
      KeyManager keyManager, TrustManager trustManager, Snapshots snapshots, boolean joining) {
    /** A validator of the genesis, with the {@link Snapshots#DEFAULT default} snapshot policy. */
    public Settings(String chainId, String self, String listenHost, int listenPort, Map<String, String> peers,
        Path storage, KeyManager keyManager, TrustManager trustManager) {
      this(chainId, self, listenHost, listenPort, peers, storage, keyManager, trustManager, Snapshots.DEFAULT);
    }

    /** A validator of the genesis. */
    public Settings(String chainId, String self, String listenHost, int listenPort, Map<String, String> peers,
        Path storage, KeyManager keyManager, TrustManager trustManager, Snapshots snapshots) {
      this(chainId, self, listenHost, listenPort, peers, storage, keyManager, trustManager, snapshots, false);
    }

    /** The other validators' addresses: where this validator's client finds the leader. */
    Map<String, String> others() {
      Map<String, String> others = new java.util.TreeMap<>(peers);
      if (joining) {
        others.remove(self); // not a member yet: it cannot answer for the group
      }
      return others;
    }
  }

  /**
   * When a validator snapshots its world state (a checkpoint of its chain store) and drops the
   * log entries the snapshot covers. A validator missing entries the others dropped catches up by
   * installing the leader's latest snapshot.
   *
   * @param every a snapshot once this many entries were applied since the last
   * @param purgeGap the log is cut only once at least this many entries can go
   * @param keptEntries entries kept in the log behind the snapshot, so that a follower slightly
   *     behind catches up from the log rather than by a snapshot
   * @param segmentBytes the size of a log segment file (only whole segments are dropped)
   * @param chunkTimeout how long the leader waits for a follower to acknowledge a chunk of a
   *     snapshot it sends; Ratis gives up an installation (and starts over) only after 8 such
   *     timeouts, e.g. when it began while the follower was still down
   */
  public record Snapshots(long every, int purgeGap, long keptEntries, long segmentBytes, Duration chunkTimeout) {
    /** Every 10,000 entries; the log keeps 1,000 entries behind the snapshot; 8 MB segments; 3 s a chunk. */
    public static final Snapshots DEFAULT = new Snapshots(10_000, 1_024, 1_000, 8L << 20, Duration.ofSeconds(3));

    public Snapshots {
      if (every < 1 || purgeGap < 1 || keptEntries < 0 || segmentBytes < 1024 || chunkTimeout == null
          || chunkTimeout.toMillis() < 1) {
        throw new IllegalArgumentException("invalid snapshot settings: every " + every + ", purge gap " + purgeGap
            + ", kept entries " + keptEntries + ", segment bytes " + segmentBytes + ", chunk timeout " + chunkTimeout);
      }
    }
  }

  /**
   * Creates this validator's server without snapshots: its log is never cut (tests of the log).
   *
   * @see #create(Settings, LogApplier, CheckpointableChainStore, Runnable)
   */
  public static RatisReplica create(Settings settings, LogApplier applier, Runnable onHalt) {
    return create(settings, applier, null, onHalt);
  }

  /**
   * Creates this validator's server (formatting its storage on first start) and its client;
   * {@link #start()} then joins the group. {@code onHalt} runs once if a committed entry cannot be
   * applied here: the node must then stop. {@code store} is the chain store the applier writes:
   * snapshots are checkpoints of it, and an installed snapshot replaces it (null: no snapshots).
   */
  public static RatisReplica create(Settings settings, LogApplier applier, CheckpointableChainStore store,
      Runnable onHalt) {
    RaftGroup group = settings.joining()
        ? RaftGroup.valueOf(RatisClient.groupId(settings.chainId())) // the leader adds this validator
        : RatisClient.group(settings.chainId(), settings.peers());
    Parameters tls = RatisClient.tls(settings.keyManager(), settings.trustManager());
    RaftServer server = null;
    try {
      boolean fresh = !Files.isDirectory(settings.storage()) || isEmpty(settings.storage());
      Files.createDirectories(settings.storage());
      LedgerStateMachine stateMachine = new LedgerStateMachine(applier, store, onHalt);
      server = RaftServer.newBuilder()
          .setServerId(RaftPeerId.valueOf(settings.self()))
          .setGroup(group)
          .setProperties(serverProperties(settings, store != null))
          .setParameters(tls)
          .setStateMachine(stateMachine)
          .setOption(fresh ? RaftStorage.StartupOption.FORMAT : RaftStorage.StartupOption.RECOVER)
          .build();
      RatisClient client = RatisClient.connect(settings.chainId(), settings.others(), settings.keyManager(),
          settings.trustManager());
      return new RatisReplica(server, stateMachine, client, group.getGroupId(),
          settings.listenHost() + ":" + settings.listenPort());
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        try {
          server.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
      }
      throw new IllegalStateException("the consensus server of " + settings.self() + " could not be set up in "
          + settings.storage() + ": " + e.getMessage(), e);
    }
  }

  /** Joins the group: from now on this validator takes part in elections and applies the log. */
  public void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("the consensus server could not start on " + address + ": " + e.getMessage(), e);
    }
  }

  private static RaftProperties serverProperties(Settings settings, boolean snapshotting) {
    RaftProperties properties = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(properties, List.of(settings.storage().toFile()));
    GrpcConfigKeys.Server.setHost(properties, settings.listenHost());
    GrpcConfigKeys.Server.setPort(properties, settings.listenPort());
    RaftServerConfigKeys.Rpc.setTimeoutMin(properties, TimeDuration.valueOf(300, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(properties, TimeDuration.valueOf(600, TimeUnit.MILLISECONDS));
    Snapshots snapshots = settings.snapshots() == null ? Snapshots.DEFAULT : settings.snapshots();
    RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(snapshots.segmentBytes()));
    if (snapshotting) {
      RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
      RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, snapshots.every());
      RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
      RaftServerConfigKeys.Log.setPurgeGap(properties, snapshots.purgeGap());
      RaftServerConfigKeys.Log.setPurgePreservationLogNum(properties, snapshots.keptEntries());
      RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(properties, true);
      GrpcConfigKeys.Server.setInstallSnapshotRequestTimeout(properties,
          TimeDuration.valueOf(snapshots.chunkTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
    return properties;
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (var entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }

  @Override
  public CompletableFuture<Void> replicate(byte[] entry) {
    return client.replicate(entry);
  }

  /** The current leader's id, if this validator knows one. */
  public Optional<String> leader() {
    try {
      var info = server.getDivision(groupId).getInfo();
      return Optional.ofNullable(info.getLeaderId()).map(RaftPeerId::toString);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The voting members of the group's current configuration: id → HOST:PORT. */
  @Override
  public Map<String, String> members() {
    try {
      Map<String, String> members = new java.util.TreeMap<>();
      server.getDivision(groupId).getRaftConf().getCurrentPeers()
          .forEach(peer -> members.put(peer.getId().toString(), peer.getAddress()));
      return members;
    } catch (IOException e) {
      return Map.of();
    }
  }

  @Override
  public void setMembers(Map<String, String> members) throws IOException {
    client.setMembers(members);
  }

  /** How many snapshots from the leader replaced this validator's chain store since it started. */
  public int snapshotsInstalled() {
    return stateMachine.snapshotsInstalled();
  }

  @Override
  public boolean isLeader() {
    try {
      return server.getDivision(groupId).getInfo().isLeader();
    } catch (IOException e) {
      return false;
    }
  }

  /** Leaves the group (no more entries are applied here), then closes the client. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new IllegalStateException("the consensus server did not stop cleanly: " + e.getMessage(), e);
    } finally {
      client.close();
    }
  }
}
