package org.medledger.node.storage.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.medledger.node.storage.StorageException;

/**
 * Looks at a data directory before RocksDB opens it. RocksDB asked to create a database where
 * the {@code CURRENT} file is gone would start an empty one and then delete the old files as
 * obsolete; so creation is allowed only where the directory is missing or empty.
 */
final class DataDirectory {
  private static final String CURRENT = "CURRENT";

  private DataDirectory() {}

  /**
   * Checks the directory and reports whether it holds no store yet. For a writable store, creates
   * the directory if it is missing.
   *
   * @throws StorageException if the directory cannot be used, or holds files but no store
   */
  static boolean prepare(Path directory, boolean readOnly) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new StorageException("data directory " + directory + " is not a directory");
    }
    try {
      if (!Files.exists(directory)) {
        if (readOnly) {
          throw new StorageException("data directory " + directory + " does not exist");
        }
        Files.createDirectories(directory);
        return true;
      }
      if (isEmpty(directory)) {
        if (readOnly) {
          throw new StorageException("data directory " + directory + " holds no chain store");
        }
        return true;
      }
    } catch (IOException e) {
      throw new StorageException("data directory " + directory + " could not be read or created: " + e);
    }
    if (!Files.isRegularFile(directory.resolve(CURRENT))) {
      throw new StorageException("data directory " + directory
          + " is damaged or not a chain store: it holds files but no CURRENT file");
    }
    return false;
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
