package org.medledger.ledger.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte SHA-256 hash in an RFC 6962 Merkle tree: a leaf hash, an interior node hash or a root.
 * Immutable; equality is by value.
 */
public final class MerkleHash {
  /** The length of every Merkle hash in bytes. */
  public static final int LENGTH = Sha256.LENGTH;

  private static final HexFormat HEX = HexFormat.of();
  private static final MerkleHash EMPTY_TREE_ROOT = new MerkleHash(new Sha256().empty());

  private final byte[] bytes;

  private MerkleHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The hash with the given 32 bytes (copied).
   *
   * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long
   */
  public static MerkleHash of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a Merkle hash has " + LENGTH + " bytes, got " + bytes.length);
    }
    return new MerkleHash(bytes.clone());
  }

  /**
   * The hash written as 64 hexadecimal digits (either case).
   *
   * @throws IllegalArgumentException if {@code hex} is not 64 hexadecimal digits
   */
  public static MerkleHash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException(
          "a Merkle hash has " + 2 * LENGTH + " hex digits, got " + hex.length());
    }
    return new MerkleHash(HEX.parseHex(hex));
  }

  /** The root of the empty tree, {@code SHA-256("")} (RFC 9162 section 2.1.1). */
  public static MerkleHash emptyTreeRoot() {
    return EMPTY_TREE_ROOT;
  }

  /** The leaf hash {@code SHA-256(0x00 || leaf)} of one leaf's data. */
  public static MerkleHash ofLeaf(byte[] leaf) {
    Objects.requireNonNull(leaf, "leaf");
    byte[] out = new byte[LENGTH];
    new Sha256().leaf(leaf, out, 0);
    return new MerkleHash(out);
  }

  /** The interior node hash {@code SHA-256(0x01 || left || right)}. */
  public static MerkleHash ofChildren(MerkleHash left, MerkleHash right) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    byte[] out = new byte[LENGTH];
    new Sha256().node(left.bytes, 0, right.bytes, 0, out, 0);
    return new MerkleHash(out);
  }

  /** Takes ownership of a 32-byte array the caller will not modify again. */
  static MerkleHash wrap(byte[] ownedBytes) {
    return new MerkleHash(ownedBytes);
  }

  /** The 32 bytes at {@code offset} in {@code source} (copied). */
  static MerkleHash copyOf(byte[] source, int offset) {
    return new MerkleHash(Arrays.copyOfRange(source, offset, offset + LENGTH));
  }

  /** The internal array, for hashing inside this package only; never modified. */
  byte[] internalBytes() {
    return bytes;
  }

  /** A copy of the 32 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The 64 lower-case hexadecimal digits of this hash. */
  public String toHex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleHash && Arrays.equals(bytes, ((MerkleHash) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
