package org.medledger.crypto;

/** A cryptographic hash function. Thread-safe. */
public interface Hash {
  int length();

  byte[] digest(byte[] data);

  /** The digest of the concatenation of the parts, without concatenating them in memory. */
  byte[] digest(byte[]... parts);
}
