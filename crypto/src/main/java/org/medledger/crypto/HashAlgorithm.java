package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;

/** Hash presets. Thread-safe: each call uses its own {@link MessageDigest}. */
public enum HashAlgorithm implements Hash {
  /** SHA-256 (FIPS 180-4), 32-byte digests. */
  SHA_256("SHA-256", 32);

  private final String jcaName;
  private final int length;

  HashAlgorithm(String jcaName, int length) {
    this.jcaName = jcaName;
    this.length = length;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public byte[] digest(byte[] data) {
    Objects.requireNonNull(data, "data");
    return newDigest().digest(data);
  }

  @Override
  public byte[] digest(byte[]... parts) {
    Objects.requireNonNull(parts, "parts");
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(Objects.requireNonNull(part, "part"));
    }
    return digest.digest();
  }

  private MessageDigest newDigest() {
    try {
      return Providers.jdkDigest(jcaName);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(jcaName + " is not available", e);
    }
  }
}
