package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key pairs shared by the tests (RSA key generation is slow), made once per JVM. */
final class TestKeys {
  private TestKeys() {}

  static KeyPair rsa() {
    return Rsa.FIRST;
  }

  static KeyPair otherRsa() {
    return Rsa.SECOND;
  }

  static KeyPair ec() {
    return Ec.FIRST;
  }

  static KeyPair otherEc() {
    return Ec.SECOND;
  }

  static KeyPair of(SignatureScheme scheme) {
    return scheme == SignatureScheme.RSA_3072_PSS_SHA256 ? rsa() : ec();
  }

  static KeyPair otherOf(SignatureScheme scheme) {
    return scheme == SignatureScheme.RSA_3072_PSS_SHA256 ? otherRsa() : otherEc();
  }

  static KeyPair of(KeyWrapScheme scheme) {
    return scheme == KeyWrapScheme.RSA_OAEP_SHA256 ? rsa() : ec();
  }

  static KeyPair otherOf(KeyWrapScheme scheme) {
    return scheme == KeyWrapScheme.RSA_OAEP_SHA256 ? otherRsa() : otherEc();
  }

  static KeyPair rsa2048() {
    return Weak.RSA_2048;
  }

  static KeyPair p384() {
    return Weak.P_384;
  }

  private static final class Rsa {
    static final KeyPair FIRST = SignatureScheme.RSA_3072_PSS_SHA256.generateKeyPair();
    static final KeyPair SECOND = SignatureScheme.RSA_3072_PSS_SHA256.generateKeyPair();
  }

  private static final class Ec {
    static final KeyPair FIRST = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    static final KeyPair SECOND = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
  }

  private static final class Weak {
    static final KeyPair RSA_2048 = generate("RSA", 2048);
    static final KeyPair P_384 = generateEc("secp384r1");

    private static KeyPair generate(String algorithm, int bits) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static KeyPair generateEc(String curve) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
