package org.medledger.crypto;

import java.security.PublicKey;

/** Signs messages with one private key under one {@link SignatureScheme}. Thread-safe. */
public interface Signer {
  SignatureScheme scheme();

  PublicKey publicKey();

  byte[] sign(byte[] message);
}
