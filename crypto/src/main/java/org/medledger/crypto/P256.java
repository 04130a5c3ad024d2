package org.medledger.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The NIST P-256 curve (secp256r1): recognising it, and encoding its points uncompressed. */
final class P256 {
  static final String CURVE_NAME = "secp256r1";
  /** 0x04 || x (32 bytes) || y (32 bytes). */
  static final int UNCOMPRESSED_POINT_LENGTH = 65;

  private static final int COORDINATE_LENGTH = 32;
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName(CURVE_NAME);
  private static final ECParameterSpec SPEC = jcaSpec();
  private static final ECNamedCurveParameterSpec BC_SPEC =
      new ECNamedCurveParameterSpec(
          CURVE_NAME, CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH(), CURVE.getSeed());

  private P256() {}

  static ECGenParameterSpec generatorSpec() {
    return new ECGenParameterSpec(CURVE_NAME);
  }

  static boolean isP256(ECParameterSpec params) {
    return params != null
        && params.getCurve().equals(SPEC.getCurve())
        && params.getGenerator().equals(SPEC.getGenerator())
        && params.getOrder().equals(SPEC.getOrder())
        && params.getCofactor() == SPEC.getCofactor();
  }

  static byte[] encode(ECPublicKey key) {
    ECPoint w = key.getW();
    byte[] out = new byte[UNCOMPRESSED_POINT_LENGTH];
    out[0] = 0x04;
    writeCoordinate(w.getAffineX(), out, 1);
    writeCoordinate(w.getAffineY(), out, 1 + COORDINATE_LENGTH);
    return out;
  }

  /** The uncompressed public point d·G of a private key. */
  static byte[] publicPointOf(ECPrivateKey key) {
    return new FixedPointCombMultiplier()
        .multiply(CURVE.getG(), key.getS())
        .normalize()
        .getEncoded(false);
  }

  /**
   * Decodes an uncompressed point and checks that it lies on the curve and is not the point at
   * infinity.
   *
   * @throws IllegalArgumentException if it does not
   */
  static PublicKey decode(byte[] encoded) throws GeneralSecurityException {
    if (encoded.length != UNCOMPRESSED_POINT_LENGTH || encoded[0] != 0x04) {
      throw new IllegalArgumentException("not an uncompressed P-256 point");
    }
    org.bouncycastle.math.ec.ECPoint point = CURVE.getCurve().decodePoint(encoded).normalize();
    if (point.isInfinity() || !point.isValid()) {
      throw new IllegalArgumentException("not a P-256 point");
    }
    return Providers.keyFactory("EC")
        .generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(point, BC_SPEC));
  }

  /**
   * The key as a BouncyCastle key on BouncyCastle's optimised P-256 curve, built directly from the
   * coordinates (the caller has checked that the key is on P-256), so BouncyCastle need not match
   * the JDK key's curve parameters again. Public points are checked to lie on the curve.
   *
   * @throws GeneralSecurityException if the key is neither an EC public nor an EC private key, or
   *     its point is not on the curve
   */
  static Key toBouncyCastle(Key key) throws GeneralSecurityException {
    KeyFactory factory = Providers.keyFactory("EC");
    if (key instanceof ECPublicKey) {
      ECPoint w = ((ECPublicKey) key).getW();
      org.bouncycastle.math.ec.ECPoint point;
      try {
        point = CURVE.getCurve().validatePoint(w.getAffineX(), w.getAffineY());
      } catch (IllegalArgumentException e) {
        throw new InvalidKeyException("public key is not a point on P-256", e);
      }
      return factory.generatePublic(
          new org.bouncycastle.jce.spec.ECPublicKeySpec(point, BC_SPEC));
    }
    if (key instanceof ECPrivateKey) {
      return factory.generatePrivate(
          new org.bouncycastle.jce.spec.ECPrivateKeySpec(((ECPrivateKey) key).getS(), BC_SPEC));
    }
    throw new InvalidKeyException("not an EC key: " + key.getAlgorithm());
  }

  private static void writeCoordinate(BigInteger value, byte[] out, int offset) {
    byte[] magnitude = value.toByteArray();
    int length = Math.min(magnitude.length, COORDINATE_LENGTH);
    System.arraycopy(
        magnitude, magnitude.length - length, out, offset + COORDINATE_LENGTH - length, length);
  }

  private static ECParameterSpec jcaSpec() {
    try {
      AlgorithmParameters parameters =
          AlgorithmParameters.getInstance("EC", Providers.bouncyCastle());
      parameters.init(generatorSpec());
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
