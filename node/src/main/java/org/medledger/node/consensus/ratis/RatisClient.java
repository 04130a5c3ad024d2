package org.medledger.node.consensus.ratis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.medledger.node.consensus.Replicator;

/**
 * Proposes entries to a network's replicated log over mutual TLS: Ratis finds the leader and
 * retries across leader changes (a retried request is recognised by its call id, so it is not
 * appended twice). Each validator proposes through one; tools may use one with a validator's TLS
 * identity.
 */
public final class RatisClient implements Replicator, AutoCloseable {
  private final RaftClient client;

  private RatisClient(RaftClient client) {
    this.client = client;
  }

  /** A client of the group of this chain, whose validators listen at these addresses (id → HOST:PORT). */
  public static RatisClient connect(String chainId, Map<String, String> peers, KeyManager keyManager,
      TrustManager trustManager) {
    return new RatisClient(RaftClient.newBuilder()
        .setProperties(new RaftProperties())
        .setRaftGroup(group(chainId, peers))
        .setParameters(tls(keyManager, trustManager))
        .build());
  }

  static RaftGroup group(String chainId, Map<String, String> peers) {
    return RaftGroup.valueOf(groupId(chainId), peers(peers));
  }

  static java.util.List<RaftPeer> peers(Map<String, String> addresses) {
    return addresses.entrySet().stream()
        .map(peer -> RaftPeer.newBuilder().setId(peer.getKey()).setAddress(peer.getValue()).build())
        .toList();
  }

  /** The group of a chain: the same id on every validator, derived from the chain id. */
  static RaftGroupId groupId(String chainId) {
    return RaftGroupId.valueOf(UUID.nameUUIDFromBytes(("medledger:" + chainId).getBytes(StandardCharsets.UTF_8)));
  }

  /** Mutual TLS for every Ratis channel: server to server, client to server, admin. */
  static Parameters tls(KeyManager keyManager, TrustManager trustManager) {
    Parameters parameters = new Parameters();
    GrpcConfigKeys.TLS.setConf(parameters, new GrpcTlsConfig(keyManager, trustManager, true));
    return parameters;
  }

  @Override
  public CompletableFuture<Void> replicate(byte[] entry) {
    return client.async().send(Message.valueOf(ByteString.copyFrom(entry))).thenApply(RatisClient::requireSuccess);
  }

  private static Void requireSuccess(RaftClientReply reply) {
    if (!reply.isSuccess()) {
      throw new IllegalStateException(reply.getException() == null ? "the log refused the entry"
          : reply.getException().getMessage());
    }
    return null;
  }

  /**
   * Makes these validators (id → HOST:PORT) the group's voting members; returns once the leader
   * committed the new configuration (a new member is first brought up to date).
   */
  void setMembers(Map<String, String> members) throws IOException {
    RaftClientReply reply = client.admin().setConfiguration(peers(members));
    if (!reply.isSuccess()) {
      throw new IOException(reply.getException() == null ? "the group refused the configuration"
          : reply.getException().getMessage());
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new IllegalStateException("the consensus client did not close cleanly: " + e.getMessage(), e);
    }
  }
}
