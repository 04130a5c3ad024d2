package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Chooses the provider for each primitive explicitly, so results never depend on the global
 * provider order. BouncyCastle (one shared, never registered instance) does signatures, key
 * agreement and RSA-OAEP: its ECDSA is ~10x faster than the JDK's and its RSA-PSS verify ~2x. The
 * JDK does AES-GCM, HMAC and SHA-256, where its CPU intrinsics win.
 */
final class Providers {
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
  private static final Provider JDK_CIPHERS = Security.getProvider("SunJCE");
  private static final Provider JDK_DIGESTS = Security.getProvider("SUN");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Providers() {}

  static Provider bouncyCastle() {
    return BOUNCY_CASTLE;
  }

  /** The module's source of randomness (thread-safe). */
  static SecureRandom random() {
    return RANDOM;
  }

  static Signature signature(String algorithm) throws GeneralSecurityException {
    return Signature.getInstance(algorithm, BOUNCY_CASTLE);
  }

  static KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
    return KeyFactory.getInstance(algorithm, BOUNCY_CASTLE);
  }

  static KeyAgreement keyAgreement(String algorithm) throws GeneralSecurityException {
    return KeyAgreement.getInstance(algorithm, BOUNCY_CASTLE);
  }

  /** Ephemeral key pairs that never leave this module (ECDH key wrapping). */
  static KeyPairGenerator bouncyCastleKeyPairGenerator(String algorithm)
      throws GeneralSecurityException {
    return KeyPairGenerator.getInstance(algorithm, BOUNCY_CASTLE);
  }

  /**
   * Long-lived key pairs come from the JDK ("SunRsaSign", "SunEC") so that callers get the
   * standard key classes, which compare equal to keys parsed from certificates and work with the
   * JDK's key stores and TLS.
   */
  static KeyPairGenerator jdkKeyPairGenerator(String algorithm, String providerName)
      throws GeneralSecurityException {
    Provider provider = Security.getProvider(providerName);
    return provider != null
        ? KeyPairGenerator.getInstance(algorithm, provider)
        : KeyPairGenerator.getInstance(algorithm);
  }

  /** RSA public-key encryption (OAEP), from BouncyCastle. */
  static Cipher rsaCipher(String transformation) throws GeneralSecurityException {
    return Cipher.getInstance(transformation, BOUNCY_CASTLE);
  }

  /** A symmetric cipher from the JDK (AES-NI and carry-less multiply intrinsics). */
  static Cipher jdkCipher(String transformation) throws GeneralSecurityException {
    return JDK_CIPHERS != null
        ? Cipher.getInstance(transformation, JDK_CIPHERS)
        : Cipher.getInstance(transformation);
  }

  static Mac jdkMac(String algorithm) throws GeneralSecurityException {
    return JDK_CIPHERS != null ? Mac.getInstance(algorithm, JDK_CIPHERS) : Mac.getInstance(algorithm);
  }

  static MessageDigest jdkDigest(String algorithm) throws GeneralSecurityException {
    return JDK_DIGESTS != null
        ? MessageDigest.getInstance(algorithm, JDK_DIGESTS)
        : MessageDigest.getInstance(algorithm);
  }
}
