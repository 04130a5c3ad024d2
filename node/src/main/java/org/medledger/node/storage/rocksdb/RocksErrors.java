package org.medledger.node.storage.rocksdb;

import java.nio.file.Path;
import java.util.Locale;
import org.medledger.node.storage.StorageException;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Turns RocksDB's errors into one-line {@link StorageException}s naming the data directory. */
final class RocksErrors {
  private RocksErrors() {}

  static StorageException openFailure(Path directory, RocksDBException e) {
    String reason = describe(e);
    return switch (code(e)) {
      case Corruption -> new StorageException("data directory " + directory + " is damaged: " + reason);
      case InvalidArgument, NotFound ->
          new StorageException("data directory " + directory + " is damaged or not a chain store: " + reason);
      case IOError -> ioFailure(directory, reason);
      default -> new StorageException("data directory " + directory + " could not be opened: " + reason);
    };
  }

  private static StorageException ioFailure(Path directory, String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    if (lower.contains("lock")) {
      return new StorageException("data directory " + directory + " is in use by another process or store: " + reason);
    }
    if (lower.contains("no such file")) { // a file that CURRENT or the MANIFEST names is gone
      return new StorageException("data directory " + directory + " is damaged: " + reason);
    }
    return new StorageException("data directory " + directory + " could not be opened: " + reason);
  }

  static StorageException readFailure(Path directory, String what, RocksDBException e) {
    if (code(e) == Status.Code.Corruption) {
      return new StorageException(what + " in " + directory + " is damaged: " + describe(e));
    }
    return new StorageException(what + " in " + directory + " could not be read: " + describe(e));
  }

  static StorageException verifyFailure(Path directory, RocksDBException e) {
    if (code(e) == Status.Code.Corruption) {
      return new StorageException("data directory " + directory + " is damaged: " + describe(e));
    }
    return new StorageException("data directory " + directory + " could not be verified: " + describe(e));
  }

  static StorageException writeFailure(Path directory, String what, RocksDBException e) {
    return new StorageException("could not write " + what + " to " + directory + ": " + describe(e));
  }

  static StorageException closeFailure(Path directory, String what, RocksDBException e) {
    return new StorageException("closing the chain store in " + directory + ": " + what + " failed: " + describe(e));
  }

  /** RocksDB's message on one line. */
  static String describe(RocksDBException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Status status = e.getStatus();
      return status == null ? "unknown RocksDB error" : status.getCodeString();
    }
    return message.replaceAll("\\s+", " ").trim();
  }

  private static Status.Code code(RocksDBException e) {
    Status status = e.getStatus();
    return status == null ? Status.Code.Undefined : status.getCode();
  }
}
