package org.medledger.client.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * File writes that never leave a half-written file: write a sibling temporary file, then rename it
 * over the target. Secret files (keys, wallets) are readable by their owner only.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, String text, boolean secret) {
    write(target, text, secret, true);
  }

  /** Like {@link #write} but refuses to replace an existing file. */
  public static void writeNew(Path target, String text, boolean secret) {
    write(target, text, secret, false);
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NetworkFileException(file + " does not exist");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new NetworkFileException(file + " is not a text (PEM or JSON) file");
    } catch (IOException e) {
      throw new NetworkFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path target, String text, boolean secret, boolean replace) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (replace) {
        move(temp, target);
      } else {
        Files.createLink(target, temp); // fails if the target exists, atomically
        Files.delete(temp);
      }
      temp = null;
    } catch (FileAlreadyExistsException e) {
      throw new NetworkFileException(target + " already exists; refusing to overwrite it");
    } catch (IOException e) {
      throw new NetworkFileException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file holds nothing the target does not
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
