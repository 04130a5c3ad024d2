package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;

/** A {@link Signer} over a JCA signature engine; a fresh engine per call keeps it thread-safe. */
final class JcaSigner implements Signer {
  private final SignatureScheme scheme;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;

  JcaSigner(SignatureScheme scheme, PublicKey publicKey, PrivateKey privateKey) {
    this.scheme = scheme;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  @Override
  public SignatureScheme scheme() {
    return scheme;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    Objects.requireNonNull(message, "message");
    try {
      Signature signature = scheme.newSignature();
      signature.initSign(privateKey, Providers.random());
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("signing with " + scheme + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "Signer[" + scheme + "]";
  }
}
