package org.medledger.node.consensus.ratis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.medledger.node.consensus.LogApplier;
import org.medledger.node.consensus.Replicator;

/**
 * One validator's member of the Ratis group that replicates the ledger's log: a Raft server
 * holding this validator's log and state machine, and a client through which this validator
 * proposes entries (Ratis sends them to the leader). All traffic, server to server and client to
 * server, is mutual TLS with the validators' TLS certificates. The only class that wires Ratis.
 */
public final class RatisReplica implements Replicator, AutoCloseable {
  private final RaftServer server;
  private final RatisClient client;
  private final RaftGroupId groupId;
  private final String address;

  private RatisReplica(RaftServer server, RatisClient client, RaftGroupId groupId, String address) {
    this.server = server;
    this.client = client;
    this.groupId = groupId;
    this.address = address;
  }

  /** Who this replica is and how it reaches the others. */
  public record Settings(
      String chainId, String self, String listenHost, int listenPort, Map<String, String> peers, Path storage,
      KeyManager keyManager, TrustManager trustManager) {}

  /**
   * Creates this validator's server (formatting its storage on first start) and its client;
   * {@link #start()} then joins the group. {@code onHalt} runs once if a committed entry cannot be
   * applied here: the node must then stop.
   */
  public static RatisReplica create(Settings settings, LogApplier applier, Runnable onHalt) {
    RaftGroup group = RatisClient.group(settings.chainId(), settings.peers());
    Parameters tls = RatisClient.tls(settings.keyManager(), settings.trustManager());
    RaftServer server = null;
    try {
      boolean fresh = !Files.isDirectory(settings.storage()) || isEmpty(settings.storage());
      Files.createDirectories(settings.storage());
      server = RaftServer.newBuilder()
          .setServerId(RaftPeerId.valueOf(settings.self()))
          .setGroup(group)
          .setProperties(serverProperties(settings))
          .setParameters(tls)
          .setStateMachine(new LedgerStateMachine(applier, onHalt))
          .setOption(fresh ? RaftStorage.StartupOption.FORMAT : RaftStorage.StartupOption.RECOVER)
          .build();
      RatisClient client = RatisClient.connect(settings.chainId(), settings.peers(), settings.keyManager(),
          settings.trustManager());
      return new RatisReplica(server, client, group.getGroupId(),
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

  private static RaftProperties serverProperties(Settings settings) {
    RaftProperties properties = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(properties, List.of(settings.storage().toFile()));
    GrpcConfigKeys.Server.setHost(properties, settings.listenHost());
    GrpcConfigKeys.Server.setPort(properties, settings.listenPort());
    RaftServerConfigKeys.Rpc.setTimeoutMin(properties, TimeDuration.valueOf(300, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(properties, TimeDuration.valueOf(600, TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf("8MB"));
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
