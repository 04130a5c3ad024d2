package org.medledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/** Single-bit changes to the parts of a proof. */
final class Tamper {
  private Tamper() {}

  static byte[] flipBit(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  static MerkleHash flipBit(MerkleHash hash, int bit) {
    return MerkleHash.of(flipBit(hash.toByteArray(), bit));
  }

  static List<MerkleHash> flipBit(List<MerkleHash> path, int element, int bit) {
    List<MerkleHash> copy = new ArrayList<>(path);
    copy.set(element, flipBit(path.get(element), bit));
    return copy;
  }

  static int bitsIn(byte[] bytes) {
    return bytes.length * 8;
  }
}
