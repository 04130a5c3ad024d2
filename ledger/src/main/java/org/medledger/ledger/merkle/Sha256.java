package org.medledger.ledger.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 6962 hashing primitives over SHA-256, writing into caller-supplied buffers so that a
 * whole tree can be hashed without one allocation per node. Not thread-safe: one instance per
 * computation.
 */
final class Sha256 {
  static final int LENGTH = 32;
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private final MessageDigest digest;

  Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }

  /** Writes {@code SHA-256(0x00 || leaf)} to {@code out[outOffset..outOffset+32)}. */
  void leaf(byte[] leaf, byte[] out, int outOffset) {
    digest.update(LEAF_PREFIX);
    digest.update(leaf);
    finish(out, outOffset);
  }

  /**
   * Writes {@code SHA-256(0x01 || left || right)} to {@code out[outOffset..outOffset+32)}, where
   * left and right are the 32 bytes at the given offsets. The output may overlap the inputs.
   */
  void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
    digest.update(NODE_PREFIX);
    digest.update(left, leftOffset, LENGTH);
    digest.update(right, rightOffset, LENGTH);
    finish(out, outOffset);
  }

  /** {@code SHA-256("")}, the root of the empty tree. */
  byte[] empty() {
    return digest.digest();
  }

  private void finish(byte[] out, int outOffset) {
    try {
      digest.digest(out, outOffset, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 output does not fit its 32-byte slot", e);
    }
  }
}
