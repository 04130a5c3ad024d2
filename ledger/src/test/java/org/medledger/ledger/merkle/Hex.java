package org.medledger.ledger.merkle;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Hex renderings so that assertions on hashes and paths print readably. */
final class Hex {
  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  static String of(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] parse(String hex) {
    return HEX.parseHex(hex);
  }

  static List<String> ofBytes(List<byte[]> hashes) {
    return hashes.stream().map(Hex::of).collect(Collectors.toList());
  }

  static List<String> ofHashes(List<MerkleHash> hashes) {
    return hashes.stream().map(MerkleHash::toHex).collect(Collectors.toList());
  }

  static List<byte[]> bytesOf(List<MerkleHash> hashes) {
    return hashes.stream().map(MerkleHash::toByteArray).collect(Collectors.toList());
  }
}
