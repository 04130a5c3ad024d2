package org.medledger.node.storage.rocksdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medledger.node.storage.StorageException;

/**
 * A small file beside RocksDB's own, recording a height the store is known to have committed (a
 * lower bound of the head, written at open, at close and every few hundred blocks). RocksDB
 * opens a store whose MANIFEST lost its tail as an older or even empty database without any
 * error; comparing its head with this record turns such silent loss into a reported damage.
 * After a crash the record is at most the real head, so it never raises a false alarm.
 */
final class CommittedHead {
  static final String FILE_NAME = "MEDLEDGER-COMMITTED-HEAD";
  private static final String TEMPORARY_NAME = FILE_NAME + ".tmp";
  private static final Pattern CONTENT = Pattern.compile("medledger committed head v1\n(-1|0|[1-9][0-9]{0,18})\n");

  private final Path directory;

  CommittedHead(Path directory) {
    this.directory = directory;
  }

  /**
   * The recorded height, or empty if there is no record.
   *
   * @throws StorageException if the record is unreadable or garbled
   */
  OptionalLong read() {
    String content;
    try {
      content = Files.readString(directory.resolve(FILE_NAME), StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new StorageException("data directory " + directory + " is damaged: its " + FILE_NAME
          + " file cannot be read: " + e.getMessage());
    }
    Matcher matcher = CONTENT.matcher(content);
    if (!matcher.matches()) {
      throw new StorageException("data directory " + directory + " is damaged: its " + FILE_NAME + " file is garbled");
    }
    try {
      return OptionalLong.of(Long.parseLong(matcher.group(1)));
    } catch (NumberFormatException e) {
      throw new StorageException("data directory " + directory + " is damaged: its " + FILE_NAME + " file is garbled");
    }
  }

  /**
   * Durably replaces the record (write, sync, atomic rename, sync the directory). Best effort: the
   * record is only a lower bound, so a failed update weakens the detection of lost files and
   * nothing else; it returns whether the record was written.
   */
  boolean record(long height) {
    Path temporary = directory.resolve(TEMPORARY_NAME);
    byte[] content = ("medledger committed head v1\n" + height + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(content));
        channel.force(true);
      }
      Files.move(temporary, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
