package org.medledger.client.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every path under a directory with the SHA-256 of its content ("dir" for directories), so that
 * "changes nothing" is one equality with a readable diff when it fails.
 */
record DirectorySnapshot(Map<String, String> entries) {

  static DirectorySnapshot of(Path root) {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return new DirectorySnapshot(entries);
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String name = root.relativize(path).toString();
        entries.put(name.isEmpty() ? "." : name, Files.isDirectory(path) ? "dir" : sha256(Files.readAllBytes(path)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DirectorySnapshot(entries);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
