package org.medledger.node.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.node.storage.StorageException;

/**
 * RocksDB's own files damaged on disk while the store is closed: opening fails with a one-line
 * {@link StorageException} that names the data directory, and leaves the files as they were.
 */
class RocksDbFileCorruptionTest {
  @TempDir
  Path temp;

  private Path dataDir;

  @BeforeEach
  void storeAChainAndCloseIt() {
    dataDir = temp.resolve("chain").toAbsolutePath();
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      TestBlocks.appendAll(store, TestBlocks.chainOf(20));
    }
  }

  @Test
  void flippedBytesInTheNewestTableFileFailOpen() throws IOException {
    Path table = newest(".sst");
    garble(table, 10, 40);

    assertOpenFailsAsDamaged().hasMessageContaining(table.getFileName().toString());
  }

  @Test
  void aSingleFlippedBitInEveryTableFileFailsOpen() throws IOException {
    for (Path table : files(".sst")) {
      garble(table, (int) (Files.size(table) / 2), 1);
    }

    assertOpenFailsAsDamaged();
  }

  @Test
  void aGarbledTableFileFooterFailsOpen() throws IOException {
    Path table = newest(".sst");
    int size = (int) Files.size(table);
    garble(table, size - 20, 20);

    assertOpenFailsAsDamaged().hasMessageContaining(table.getFileName().toString());
  }

  @Test
  void aTruncatedTableFileFailsOpen() throws IOException {
    Path table = newest(".sst");
    truncate(table, Files.size(table) / 2);

    assertOpenFailsAsDamaged().hasMessageContaining(table.getFileName().toString());
  }

  @Test
  void aDeletedTableFileFailsOpen() throws IOException {
    Path table = newest(".sst");
    Files.delete(table);

    assertOpenFailsAsDamaged().hasMessageContaining(table.getFileName().toString());
  }

  @Test
  void aGarbledManifestFailsOpen() throws IOException {
    Path manifest = newest("MANIFEST-");
    garble(manifest, 20, (int) Files.size(manifest) - 20);

    assertOpenFailsAsDamaged();
  }

  @Test
  void aTruncatedManifestFailsOpenInsteadOfOpeningAnEmptyChain() throws IOException {
    // RocksDB itself opens this as an empty database, then deletes the table files as obsolete.
    Path manifest = newest("MANIFEST-");
    truncate(manifest, Files.size(manifest) / 2);
    List<String> before = fileNames();

    assertOpenFailsAsDamaged()
        .hasMessageContaining("it holds no block but had committed blocks up to 19");
    assertThat(fileNames()).isEqualTo(before);
  }

  @Test
  void anEmptiedManifestFailsOpen() throws IOException {
    truncate(newest("MANIFEST-"), 0);

    assertOpenFailsAsDamaged();
  }

  @Test
  void aCurrentFileNamingAMissingManifestFailsOpen() throws IOException {
    Files.writeString(dataDir.resolve("CURRENT"), "MANIFEST-999999\n", StandardCharsets.US_ASCII);

    assertOpenFailsAsDamaged().hasMessageContaining("MANIFEST-999999");
  }

  @Test
  void aTruncatedCurrentFileFailsOpen() throws IOException {
    truncate(dataDir.resolve("CURRENT"), 5);

    assertOpenFailsAsDamaged().hasMessageContaining("CURRENT");
  }

  @Test
  void aGarbledCurrentFileFailsOpen() throws IOException {
    garble(dataDir.resolve("CURRENT"), 0, 4);

    assertOpenFailsAsDamaged();
  }

  @Test
  void aDeletedCurrentFileFailsOpenAndNoEmptyStoreIsCreatedInItsPlace() throws IOException {
    Files.delete(dataDir.resolve("CURRENT"));
    List<String> before = fileNames();

    assertOpenFailsAsDamaged().hasMessageContaining("no CURRENT file");
    assertThat(fileNames()).isEqualTo(before);
  }

  @Test
  void aMissingCommittedHeadRecordFailsOpen() throws IOException {
    Files.delete(dataDir.resolve(CommittedHead.FILE_NAME));

    assertOpenFailsAsDamaged().hasMessageContaining(CommittedHead.FILE_NAME + " file is missing");
  }

  @Test
  void aGarbledCommittedHeadRecordFailsOpen() throws IOException {
    Files.writeString(dataDir.resolve(CommittedHead.FILE_NAME), "19 or so", StandardCharsets.US_ASCII);

    assertOpenFailsAsDamaged().hasMessageContaining(CommittedHead.FILE_NAME + " file is garbled");
  }

  @Test
  void openingReadOnlyFailsTheSameWay() throws IOException {
    garble(newest(".sst"), 10, 40);

    assertThatThrownBy(() -> RocksChainStore.openReadOnly(dataDir))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("data directory " + dataDir + " is damaged: ");
  }

  @Test
  void anIntactStoreReopensAfterAllThisChecking() {
    for (int i = 0; i < 3; i++) {
      try (RocksChainStore store = RocksChainStore.open(dataDir)) {
        assertThat(store.height()).isEqualTo(19);
      }
    }
  }

  @Test
  void aStoreCreatedButNeverGivenItsCommittedHeadRecordOpensEmpty() throws IOException {
    Path other = temp.resolve("new").toAbsolutePath();
    RocksChainStore.open(other).close();
    Files.delete(other.resolve(CommittedHead.FILE_NAME)); // as after a crash during creation

    try (RocksChainStore store = RocksChainStore.open(other)) {
      assertThat(store.height()).isEqualTo(-1);
    }
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertOpenFailsAsDamaged() {
    return assertThatThrownBy(() -> RocksChainStore.open(dataDir).close())
        .isInstanceOf(StorageException.class)
        .hasMessageMatching("(?s)[^\\n]*") // one line
        .hasMessageContaining("data directory " + dataDir + " is damaged")
        .hasNoCause();
  }

  private List<Path> files(String pattern) throws IOException {
    try (Stream<Path> entries = Files.list(dataDir)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(pattern)
              || p.getFileName().toString().startsWith(pattern))
          .sorted(Comparator.comparingLong(RocksDbFileCorruptionTest::fileNumber))
          .collect(Collectors.toList());
    }
  }

  private Path newest(String pattern) throws IOException {
    List<Path> matching = files(pattern);
    assertThat(matching).as("files matching " + pattern).isNotEmpty();
    return matching.get(matching.size() - 1);
  }

  private List<String> fileNames() throws IOException {
    try (Stream<Path> entries = Files.list(dataDir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  /** The number in a RocksDB file name: 000013.sst → 13, MANIFEST-000005 → 5. */
  private static long fileNumber(Path file) {
    String digits = file.getFileName().toString().replaceAll("[^0-9]", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  private static void garble(Path file, int from, int length) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = from; i < from + length && i < bytes.length; i++) {
      bytes[i] ^= (byte) 0xA5;
    }
    Files.write(file, bytes);
  }

  private static void truncate(Path file, long size) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, (int) size));
  }
}
