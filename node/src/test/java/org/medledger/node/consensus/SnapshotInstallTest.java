package org.medledger.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.node.Node;
import org.medledger.node.consensus.ratis.RatisClient;
import org.medledger.node.consensus.ratis.RatisReplica;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.node.tls.TlsMaterial;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * Snapshots of the world state with tiny thresholds: a validator that was down while the others
 * snapshotted and cut their logs past its position catches up by installing the leader's
 * snapshot (its chain store replaced by the leader's checkpoint) and ends with the leader's
 * chain, byte for byte; a validator restarted while the logs are whole resumes from its own store
 * and applies nothing twice.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SnapshotInstallTest {
  private static final String[] THREE = {"validator-1", "validator-2", "validator-3"};
  private static final Duration CONVERGENCE = Duration.ofSeconds(30);
  /** Same passphrase as the {@link ValidatorNetwork} files. */
  private static final Passphrase PASSPHRASE = Passphrase.of("correct horse battery staple".toCharArray());
  /**
   * A snapshot every 8 entries, the log cut right up to it, 16 KB segments; a short chunk timeout,
   * since the leader starts sending a snapshot while the follower is still down.
   */
  private static final RatisReplica.Snapshots TINY =
      new RatisReplica.Snapshots(8, 1, 0, 16 * 1024, Duration.ofMillis(500));
  /** Snapshots as often, but the log is never cut. */
  private static final RatisReplica.Snapshots NO_PURGE =
      new RatisReplica.Snapshots(8, Integer.MAX_VALUE, 0, 16 * 1024, Duration.ofMillis(500));
  private static final Pattern SEGMENT = Pattern.compile("log_(?:inprogress_)?(\\d+)(?:-\\d+)?");

  @TempDir Path dir;
  private ValidatorNetwork network;
  private final Map<String, Node> running = new LinkedHashMap<>();
  private RatisClient client;
  private int sequence;

  @AfterEach
  void stopEverything() {
    if (client != null) {
      client.close();
    }
    List<CompletableFuture<Void>> stopping = running.values().stream()
        .map(node -> CompletableFuture.runAsync(node::close)).toList();
    running.clear();
    stopping.forEach(f -> {
      try {
        f.join();
      } catch (CompletionException e) {
        // stopping anyway
      }
    });
  }

  @Test
  void aFollowerBehindThePurgedLogCatchesUpByInstallingTheLeadersSnapshot() {
    network = new ValidatorNetwork(dir, 3);
    start(TINY, THREE);
    String leader = awaitLeader();
    String follower = List.of(THREE).stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
    commitBlocks(3);
    awaitSameChain(List.copyOf(running.values()));
    long stoppedAt = store(follower).appliedIndex();
    stop(follower);

    // the others go on, snapshot and cut their logs past the stopped follower (quickly: the
    // leader's connection to a peer that was down long comes back only after a growing backoff)
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (running.values().stream().anyMatch(n -> firstLogIndex(n.id()).orElse(0) <= stoppedAt + 5)) {
      assertThat(System.nanoTime()).as("the logs were not cut past %s", stoppedAt).isLessThan(deadline);
      commitBlocks(6);
    }
    for (Node node : running.values()) {
      assertThat(snapshots(node.id())).as("snapshots of %s", node.id()).isNotEmpty();
    }

    Node restarted = start(TINY, follower).get(0);
    awaitSameChain(List.copyOf(running.values()));

    assertThat(store(follower).replacements()).as("snapshot installs on %s", follower).isPositive();
    assertSameBlocks(running.get(leader), restarted);
    long finalOnLeader = finalHeight(leader);
    long deadline2 = System.nanoTime() + CONVERGENCE.toNanos();
    while (finalHeight(follower) < finalOnLeader) {
      assertThat(System.nanoTime()).as("%s reports the blocks of the snapshot final", follower).isLessThan(deadline2);
      pause();
    }

    // and it goes on applying from the log after the snapshot, which is where its log starts
    commitBlocks(3);
    awaitSameChain(List.copyOf(running.values()));
    assertSameBlocks(running.get(leader), restarted);
    assertThat(firstLogIndex(follower).orElseThrow()).as("the log of %s starts after the snapshot", follower)
        .isGreaterThan(stoppedAt + 5);
  }

  @Test
  void aRestartedValidatorResumesFromItsOwnStoreAndAppliesNothingTwice() {
    network = new ValidatorNetwork(dir, 3);
    start(NO_PURGE, THREE);
    String leader = awaitLeader();
    String follower = List.of(THREE).stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
    commitBlocks(6);
    awaitSameChain(List.copyOf(running.values()));
    long stoppedAt = store(follower).appliedIndex();
    awaitSnapshot(follower);
    stop(follower);
    commitBlocks(6);

    Node restarted = start(NO_PURGE, follower).get(0);
    assertThat(store(follower).appliedIndex()).isGreaterThanOrEqualTo(stoppedAt); // its own store, not rewound
    awaitSameChain(List.copyOf(running.values()));
    commitBlocks(2);
    awaitSameChain(List.copyOf(running.values()));

    // a block or seal applied twice would have failed the append and stopped the validator
    assertThat(restarted.chain().height()).isEqualTo(running.get(leader).chain().height());
    assertThat(store(follower).replacements()).isZero();
    assertThat(firstLogIndex(follower).orElseThrow()).isZero();
    assertSameBlocks(running.get(leader), restarted);
  }

  private List<Node> start(RatisReplica.Snapshots snapshots, String... ids) {
    List<CompletableFuture<Node>> starting = Stream.of(ids).map(id -> CompletableFuture.supplyAsync(
        () -> Node.start(network.config(id), PASSPHRASE, List.of(), snapshots))).toList();
    List<Node> started = new ArrayList<>();
    for (CompletableFuture<Node> future : starting) {
      Node node = future.join();
      running.put(node.id(), node);
      started.add(node);
    }
    return started;
  }

  private void stop(String id) {
    running.remove(id).close();
  }

  private String awaitLeader() {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Node> leader = running.values().stream().filter(Node::isLeader).findFirst();
      if (leader.isPresent() && running.values().stream()
          .allMatch(n -> n.leader().equals(Optional.of(leader.get().id())))) {
        return leader.get().id();
      }
      pause();
    }
    throw new AssertionError("no leader");
  }

  /** Commits blocks of a few registrations each, one after the other, through the log. */
  private void commitBlocks(int count) {
    if (client == null) {
      client = RatisClient.connect(ValidatorNetwork.CHAIN_ID, network.config("validator-1").consensus().peers(),
          TlsMaterial.keyManager(network.tlsIdentity("validator-1")),
          TlsMaterial.validatorsOf(network.genesis().authorities()));
    }
    List<CompletableFuture<Void>> committed = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      List<byte[]> transactions = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        String name = "patient-" + ++sequence;
        transactions.add(network.registrar(ValidatorNetwork.ORG).signer(ValidatorNetwork.CHAIN_ID)
            .sign(IdentityContract.REGISTER, IdentityCodec.registerPayload(
                IdentityClaims.of(name, Role.PATIENT, OrganisationId.of(ValidatorNetwork.ORG)))).encoded());
      }
      committed.add(client.replicate(LogEntryCodec.encode(
          new LogEntry.TransactionBatch("validator-1", Instant.now(), transactions))));
    }
    committed.forEach(CompletableFuture::join);
  }

  private RocksChainStore store(String id) {
    return (RocksChainStore) running.get(id).chain();
  }

  /** Waits until the nodes hold the same chain (height and head). */
  private static void awaitSameChain(List<Node> nodes) {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (System.nanoTime() < deadline) {
      long height = nodes.get(0).chain().height();
      if (nodes.stream().allMatch(n -> n.chain().height() == height
          && n.chain().header(height).equals(nodes.get(0).chain().header(height)))) {
        return;
      }
      pause();
    }
    throw new AssertionError("the validators did not converge within " + CONVERGENCE + ": heights "
        + nodes.stream().map(n -> n.id() + "=" + n.chain().height()).toList());
  }

  private long finalHeight(String id) {
    return running.get(id).finalHeight();
  }

  /** Every block of the follower is byte for byte the leader's. */
  private static void assertSameBlocks(Node leader, Node follower) {
    long height = leader.chain().height();
    assertThat(follower.chain().height()).isEqualTo(height);
    for (long h = 0; h <= height; h++) {
      Block ours = follower.chain().block(h).orElseThrow();
      Block theirs = leader.chain().block(h).orElseThrow();
      assertThat(LedgerCodec.encode(ours)).as("block %s", h).isEqualTo(LedgerCodec.encode(theirs));
      assertThat(ours.header().hash()).isEqualTo(theirs.header().hash());
    }
  }

  /** The Ratis group directory of a validator: {@code raft/<group id>}. */
  private Path groupDirectory(String id) {
    Path raft = network.config(id).consensus().storage();
    try (Stream<Path> groups = Files.list(raft)) {
      return groups.filter(Files::isDirectory).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first index held in the validator's Raft log (its segments' lowest start). */
  private OptionalLong firstLogIndex(String id) {
    try (Stream<Path> files = Files.list(groupDirectory(id).resolve("current"))) {
      return files.map(f -> SEGMENT.matcher(f.getFileName().toString())).filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1))).min();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitSnapshot(String id) {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    while (snapshots(id).isEmpty()) {
      assertThat(System.nanoTime()).as("%s took no snapshot", id).isLessThan(deadline);
      pause();
    }
  }

  private List<Path> snapshots(String id) {
    try (Stream<Path> files = Files.list(groupDirectory(id).resolve("sm"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("snap-")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
