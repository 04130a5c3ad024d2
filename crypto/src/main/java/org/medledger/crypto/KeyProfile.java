package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;

/** The asymmetric key types this module accepts: which keys fit, and how to make new ones. */
enum KeyProfile {
  /** RSA with a modulus of at least 3072 bits. */
  RSA_3072 {
    @Override
    boolean fits(Key key) {
      return key instanceof RSAKey && ((RSAKey) key).getModulus().bitLength() >= 3072;
    }

    @Override
    boolean belongTogether(KeyPair pair) {
      return ((RSAKey) pair.getPublic()).getModulus().equals(((RSAKey) pair.getPrivate()).getModulus());
    }

    @Override
    KeyPairGenerator generator() throws GeneralSecurityException {
      KeyPairGenerator generator = Providers.jdkKeyPairGenerator("RSA", "SunRsaSign");
      generator.initialize(
          new RSAKeyGenParameterSpec(3072, RSAKeyGenParameterSpec.F4), Providers.random());
      return generator;
    }
  },

  /** EC on NIST P-256. */
  EC_P256 {
    @Override
    boolean fits(Key key) {
      return key instanceof ECKey && P256.isP256(((ECKey) key).getParams());
    }

    @Override
    boolean belongTogether(KeyPair pair) {
      return Arrays.equals(
          P256.encode((ECPublicKey) pair.getPublic()),
          P256.publicPointOf((ECPrivateKey) pair.getPrivate()));
    }

    @Override
    KeyPairGenerator generator() throws GeneralSecurityException {
      KeyPairGenerator generator = Providers.jdkKeyPairGenerator("EC", "SunEC");
      generator.initialize(P256.generatorSpec(), Providers.random());
      return generator;
    }
  };

  abstract boolean fits(Key key);

  /** Whether the public key is the one of the private key; call only when both {@link #fits}. */
  abstract boolean belongTogether(KeyPair pair);

  abstract KeyPairGenerator generator() throws GeneralSecurityException;

  KeyPair generate() {
    try {
      return generator().generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot generate a " + this + " key pair", e);
    }
  }

  /** A description of a key safe for error messages: type and size, never key material. */
  static String describe(Key key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof RSAKey) {
      return key.getAlgorithm() + " " + ((RSAKey) key).getModulus().bitLength() + "-bit";
    }
    if (key instanceof ECKey && ((ECKey) key).getParams() != null) {
      ECParameterSpec params = ((ECKey) key).getParams();
      int fieldSize = params.getCurve().getField().getFieldSize();
      return "EC " + fieldSize + "-bit" + (P256.isP256(params) ? " P-256" : "");
    }
    return key.getAlgorithm();
  }

  static CryptoException unsupported(Key key) {
    return new CryptoException("unsupported key: " + describe(key));
  }
}
