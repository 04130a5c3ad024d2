package org.medledger.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;

/** Encrypts a symmetric data key for the holder of a private key. Thread-safe. */
public interface KeyWrap {
  KeyWrapScheme scheme();

  byte[] wrap(SecretBytes dataKey, PublicKey recipient);

  /** @throws DecryptionFailedException if the wrapped key was not made for this private key or was altered */
  SecretBytes unwrap(byte[] wrappedKey, PrivateKey recipient);
}
