package org.medledger.crypto;

/** Checks signatures made by one public key under one {@link SignatureScheme}. Thread-safe. */
public interface Verifier {
  SignatureScheme scheme();

  /** True only for a valid signature; malformed signatures are simply invalid, never an exception. */
  boolean verify(byte[] message, byte[] signature);
}
