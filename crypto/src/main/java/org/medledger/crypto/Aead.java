package org.medledger.crypto;

/**
 * Authenticated encryption with associated data. The associated data is authenticated but not
 * encrypted: decrypting with different associated data fails. Thread-safe.
 */
public interface Aead {
  byte[] encrypt(byte[] plaintext, byte[] associatedData);

  /** @throws DecryptionFailedException on any tampering, truncation, wrong key or wrong associated data */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData);
}
