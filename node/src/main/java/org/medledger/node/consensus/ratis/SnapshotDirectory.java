package org.medledger.node.consensus.ratis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;
import org.medledger.node.storage.DirectoryTrees;

/**
 * The ledger's snapshots in Ratis's state machine directory ({@code sm/}): each a directory
 * {@code snap-TERM_INDEX} holding a checkpoint of the chain store. Ratis sends the files of the
 * latest one to a follower whose log the leader has purged, and replaces the follower's whole
 * {@code sm/} directory with them (so the live chain store never lives here). A snapshot is
 * written under a temporary name and renamed, so a crash leaves no half snapshot under a
 * snapshot's name.
 */
final class SnapshotDirectory implements StateMachineStorage {
  private static final Pattern NAME = Pattern.compile("snap-(0|[1-9][0-9]{0,18})_(-1|0|[1-9][0-9]{0,18})");
  private static final String TEMPORARY_PREFIX = "tmp-snap-";
  /** Snapshots kept at least: the newest may be in the making on a follower while an older is sent. */
  private static final int RETAINED = 2;

  private volatile Path directory;
  /** The latest snapshot, as last read from the directory; null if not read since it may have changed. */
  private volatile FileListSnapshotInfo latest;
  private volatile boolean latestRead;

  /** A snapshot on disk: its term and index, and its directory. */
  record Snapshot(TermIndex termIndex, Path directory) {}

  @Override
  public void init(RaftStorage raftStorage) throws IOException {
    directory = raftStorage.getStorageDir().getStateMachineDir().toPath().toAbsolutePath().normalize();
    Files.createDirectories(directory);
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (entry.getFileName().toString().startsWith(TEMPORARY_PREFIX)) {
          deleteTree(entry); // a snapshot a crash interrupted
        }
      }
    }
    invalidate();
  }

  /** Forgets the cached latest snapshot: the directory changed (Ratis installed one, or a new one was taken). */
  void invalidate() {
    latestRead = false;
    latest = null;
  }

  @Override
  public FileListSnapshotInfo getLatestSnapshot() {
    if (directory == null) {
      return null;
    }
    if (!latestRead) {
      FileListSnapshotInfo read = latestOnDisk().map(SnapshotDirectory::info).orElse(null);
      latest = read;
      latestRead = true;
      return read;
    }
    return latest;
  }

  /** The newest snapshot directory, if any. */
  Optional<Snapshot> latestOnDisk() {
    return snapshots().stream().max(Comparator.comparing(Snapshot::termIndex));
  }

  private List<Snapshot> snapshots() {
    Path dir = directory;
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    List<Snapshot> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Matcher matcher = NAME.matcher(entry.getFileName().toString());
        if (matcher.matches() && Files.isDirectory(entry)) {
          found.add(new Snapshot(TermIndex.valueOf(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
              entry));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of(); // Ratis is swapping the directory for an installed snapshot
    } catch (IOException e) {
      throw new UncheckedIOException("the snapshots in " + dir + " cannot be listed: " + e.getMessage(), e);
    }
    return found;
  }

  private static FileListSnapshotInfo info(Snapshot snapshot) {
    List<FileInfo> files = new ArrayList<>();
    try (Stream<Path> entries = Files.walk(snapshot.directory())) {
      entries.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().endsWith(".md5")) // Ratis's digests of received files
          .sorted()
          .forEach(file -> files.add(new FileInfo(file, null)));
    } catch (IOException e) {
      throw new UncheckedIOException("the snapshot in " + snapshot.directory() + " cannot be read: " + e.getMessage(), e);
    }
    return new FileListSnapshotInfo(files, snapshot.termIndex());
  }

  /** Where a snapshot is written before it is renamed into place. */
  Path temporary(TermIndex termIndex) {
    return directory.resolve(TEMPORARY_PREFIX + termIndex.getTerm() + "_" + termIndex.getIndex());
  }

  /** The name a finished snapshot has. */
  Path named(TermIndex termIndex) {
    return directory.resolve("snap-" + termIndex.getTerm() + "_" + termIndex.getIndex());
  }

  @Override
  public void format() {
    // nothing: an empty directory holds no snapshot
  }

  @Override
  public void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
    int retained = Math.max(RETAINED, policy == null ? RETAINED : policy.getNumSnapshotsRetained());
    List<Snapshot> all = new ArrayList<>(snapshots());
    all.sort(Comparator.comparing(Snapshot::termIndex).reversed());
    for (Snapshot old : all.subList(Math.min(retained, all.size()), all.size())) {
      deleteTree(old.directory());
    }
  }

  static void deleteTree(Path root) throws IOException {
    DirectoryTrees.delete(root);
  }
}
