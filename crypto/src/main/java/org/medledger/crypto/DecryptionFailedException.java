package org.medledger.crypto;

/**
 * Decryption or authentication failed: wrong key, wrong passphrase, wrong associated data, or data
 * that was altered, truncated or reordered. Deliberately says no more than that.
 */
public class DecryptionFailedException extends CryptoException {
  public DecryptionFailedException(String message) {
    super(message);
  }

  public DecryptionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
