package org.medledger.crypto;

import java.util.Objects;

/** Authenticated-encryption presets. */
public enum AeadScheme {
  /**
   * AES-256-GCM over 8 KiB chunks with a per-message HKDF-SHA256 subkey; the format is documented
   * on the package-private {@code ChunkedAesGcm}. Detects tampering, truncation, reordering, wrong
   * key and wrong associated data. Ciphertext = 40 bytes + plaintext + 16 bytes per started 8 KiB.
   */
  AES_256_GCM_CHUNKED(ChunkedAesGcm.KEY_LENGTH);

  private final int keyLength;

  AeadScheme(int keyLength) {
    this.keyLength = keyLength;
  }

  /** Key length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** A fresh random key of {@link #keyLength()} bytes. */
  public SecretBytes generateKey() {
    return SecretBytes.random(keyLength);
  }

  /**
   * An {@link Aead} under this key (it keeps its own copy).
   *
   * @throws CryptoException if the key has the wrong length
   */
  public Aead aead(SecretBytes key) {
    Objects.requireNonNull(key, "key");
    if (key.length() != keyLength) {
      throw new CryptoException(
          this + " needs a " + keyLength + "-byte key, got " + key.length() + " bytes");
    }
    byte[] bytes = key.toByteArray();
    try {
      return new ChunkedAesGcm(bytes);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }
}
