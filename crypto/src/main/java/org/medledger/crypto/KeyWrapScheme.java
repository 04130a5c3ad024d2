package org.medledger.crypto;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Objects;

/** Key-wrapping presets: how a data key is encrypted for the holder of a key pair. */
public enum KeyWrapScheme {
  /**
   * RSAES-OAEP with SHA-256 and MGF1-SHA-256 (empty label) for RSA keys of at least 3072 bits.
   * Output: 0x01 || RSA ciphertext.
   */
  RSA_OAEP_SHA256,

  /**
   * Ephemeral-static ECDH on P-256, HKDF-SHA256 binding both public keys, AES-256-GCM. Output: 0x02
   * || ephemeral public point (65 bytes, uncompressed) || GCM ciphertext and tag.
   */
  ECDH_P256_HKDF_SHA256_AES_256_GCM;

  /** The (stateless, thread-safe) implementation. */
  public KeyWrap keyWrap() {
    switch (this) {
      case RSA_OAEP_SHA256:
        return new RsaOaepKeyWrap();
      case ECDH_P256_HKDF_SHA256_AES_256_GCM:
        return new EcdhKeyWrap();
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The scheme for a key (public or private): RSA → {@link #RSA_OAEP_SHA256}, EC → {@link
   * #ECDH_P256_HKDF_SHA256_AES_256_GCM}.
   *
   * @throws CryptoException for any other key
   */
  public static KeyWrapScheme forKey(Key key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof RSAKey) {
      return RSA_OAEP_SHA256;
    }
    if (key instanceof ECKey) {
      return ECDH_P256_HKDF_SHA256_AES_256_GCM;
    }
    throw KeyProfile.unsupported(key);
  }
}
