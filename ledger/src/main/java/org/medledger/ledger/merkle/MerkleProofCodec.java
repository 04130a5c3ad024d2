package org.medledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact binary encoding of Merkle proofs. Every proof has exactly one encoding and decoding
 * accepts only that encoding, so encoded proofs can themselves be hashed and signed.
 *
 * <pre>
 * inclusion proof:   0x01 | leaf index (8) | tree size (8) | n (1) | n x 32-byte hash
 * consistency proof: 0x02 | old size (8)   | new size (8)  | n (1) | n x 32-byte hash
 * </pre>
 *
 * <p>Numbers are unsigned big-endian and below 2^63; {@code n} is at most 64. Decoding checks the
 * form only, {@link MerkleVerifier} checks the content; for any input the decoders either return a
 * proof or throw {@link MalformedProofException}.
 */
public final class MerkleProofCodec {
  /** The first byte of an encoded {@link InclusionProof}. */
  public static final byte INCLUSION_PROOF_TAG = 0x01;
  /** The first byte of an encoded {@link ConsistencyProof}. */
  public static final byte CONSISTENCY_PROOF_TAG = 0x02;

  private static final int H = MerkleHash.LENGTH;
  private static final int HEADER_LENGTH = 1 + 8 + 8 + 1;

  private MerkleProofCodec() {}

  /** The encoding of an inclusion proof. */
  public static byte[] encode(InclusionProof proof) {
    return encode(INCLUSION_PROOF_TAG, proof.leafIndex(), proof.treeSize(), proof.path());
  }

  /** The encoding of a consistency proof. */
  public static byte[] encode(ConsistencyProof proof) {
    return encode(CONSISTENCY_PROOF_TAG, proof.oldSize(), proof.newSize(), proof.path());
  }

  /**
   * The inclusion proof these bytes encode.
   *
   * @throws MalformedProofException if they are not exactly the encoding of an inclusion proof
   */
  public static InclusionProof decodeInclusionProof(byte[] encoded)
      throws MalformedProofException {
    Fields fields = decode(encoded, INCLUSION_PROOF_TAG, "leaf index", "tree size");
    return new InclusionProof(fields.first(), fields.second(), fields.path());
  }

  /**
   * The consistency proof these bytes encode.
   *
   * @throws MalformedProofException if they are not exactly the encoding of a consistency proof
   */
  public static ConsistencyProof decodeConsistencyProof(byte[] encoded)
      throws MalformedProofException {
    Fields fields = decode(encoded, CONSISTENCY_PROOF_TAG, "old size", "new size");
    return new ConsistencyProof(fields.first(), fields.second(), fields.path());
  }

  private static byte[] encode(byte tag, long first, long second, List<MerkleHash> path) {
    byte[] out = new byte[HEADER_LENGTH + path.size() * H];
    out[0] = tag;
    writeLong(out, 1, first);
    writeLong(out, 9, second);
    out[17] = (byte) path.size();
    int offset = HEADER_LENGTH;
    for (MerkleHash hash : path) {
      System.arraycopy(hash.internalBytes(), 0, out, offset, H);
      offset += H;
    }
    return out;
  }

  private static Fields decode(byte[] in, byte tag, String firstName, String secondName)
      throws MalformedProofException {
    if (in == null) {
      throw new MalformedProofException("no bytes to decode");
    }
    if (in.length < HEADER_LENGTH) {
      throw new MalformedProofException(
          "a proof has at least " + HEADER_LENGTH + " bytes, got " + in.length);
    }
    if (in[0] != tag) {
      throw new MalformedProofException("expected tag " + tag + ", got " + (in[0] & 0xff));
    }
    long first = readLong(in, 1);
    long second = readLong(in, 9);
    if (first < 0) {
      throw new MalformedProofException(firstName + " is 2^63 or more");
    }
    if (second < 0) {
      throw new MalformedProofException(secondName + " is 2^63 or more");
    }
    int count = in[17] & 0xff;
    if (count > InclusionProof.MAX_PATH_LENGTH) {
      throw new MalformedProofException(
          "path of " + count + " hashes, at most " + InclusionProof.MAX_PATH_LENGTH + " allowed");
    }
    int expectedLength = HEADER_LENGTH + count * H;
    if (in.length != expectedLength) {
      throw new MalformedProofException(
          "a proof with " + count + " hashes has " + expectedLength + " bytes, got " + in.length);
    }
    List<MerkleHash> path = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      path.add(MerkleHash.copyOf(in, HEADER_LENGTH + i * H));
    }
    return new Fields(first, second, path);
  }

  private static void writeLong(byte[] out, int offset, long value) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  private static long readLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (in[offset + i] & 0xff);
    }
    return value;
  }

  private record Fields(long first, long second, List<MerkleHash> path) {}
}
