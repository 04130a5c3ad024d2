package org.medledger.ledger;

import java.util.Arrays;
import java.util.HexFormat;
import org.medledger.crypto.HashAlgorithm;

/** A SHA-256 digest: a transaction id, a block hash, a certificate fingerprint. Immutable. */
public final class Digest implements Comparable<Digest> {
  public static final int LENGTH = 32;
  public static final Digest ZERO = new Digest(new byte[LENGTH]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Digest of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a digest has " + LENGTH + " bytes");
    }
    return new Digest(bytes.clone());
  }

  public static Digest sha256(byte[] data) {
    return new Digest(HashAlgorithm.SHA_256.digest(data));
  }

  public static Digest sha256(byte[]... parts) {
    return new Digest(HashAlgorithm.SHA_256.digest(parts));
  }

  public static Digest fromHex(String hex) {
    if (hex == null || hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a digest is " + 2 * LENGTH + " hexadecimal digits");
    }
    return new Digest(HEX.parseHex(hex));
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Digest other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
