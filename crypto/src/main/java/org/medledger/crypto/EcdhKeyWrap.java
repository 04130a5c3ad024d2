package org.medledger.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link KeyWrapScheme#ECDH_P256_HKDF_SHA256_AES_256_GCM}, an ECIES-style wrap.
 *
 * <pre>
 * E = fresh P-256 key pair; Z = x-coordinate of ECDH(E.private, recipient public key)
 * kek (32) || nonce (12) = HKDF-SHA256(ikm = Z, salt = empty,
 *                                      info = "medledger-keywrap-ecdh-p256-v1" || E.public || recipient public)
 * header = 0x02 || E.public                      (points uncompressed, 65 bytes each)
 * output = header || AES-256-GCM(kek, nonce, associated data = header, data key) (ciphertext || 16-byte tag)
 * </pre>
 *
 * Every wrap has a fresh ephemeral key, so the derived key and nonce are never reused. The
 * recipient's public point is recomputed from the private key when unwrapping.
 */
final class EcdhKeyWrap implements KeyWrap {
  static final byte FORMAT = 0x02;
  private static final byte[] INFO =
      "medledger-keywrap-ecdh-p256-v1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER_LENGTH = 1 + P256.UNCOMPRESSED_POINT_LENGTH;
  private static final int KEK_LENGTH = 32;
  private static final int NONCE_LENGTH = 12;
  private static final int TAG_LENGTH = 16;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  @Override
  public KeyWrapScheme scheme() {
    return KeyWrapScheme.ECDH_P256_HKDF_SHA256_AES_256_GCM;
  }

  @Override
  public byte[] wrap(SecretBytes dataKey, PublicKey recipient) {
    Objects.requireNonNull(dataKey, "dataKey");
    checkKey(recipient);
    if (dataKey.length() == 0) {
      throw new CryptoException("cannot wrap an empty data key");
    }
    byte[] key = dataKey.toByteArray();
    byte[] okm = null;
    try {
      KeyPairGenerator generator = Providers.bouncyCastleKeyPairGenerator("EC");
      generator.initialize(P256.generatorSpec(), Providers.random());
      KeyPair ephemeral = generator.generateKeyPair();
      byte[] ephemeralPoint = P256.encode((ECPublicKey) ephemeral.getPublic());
      byte[] recipientPoint = P256.encode((ECPublicKey) recipient);
      okm = derive(ephemeral.getPrivate(), recipient, ephemeralPoint, recipientPoint);

      byte[] out = new byte[HEADER_LENGTH + key.length + TAG_LENGTH];
      out[0] = FORMAT;
      System.arraycopy(ephemeralPoint, 0, out, 1, ephemeralPoint.length);
      Cipher cipher = gcm(Cipher.ENCRYPT_MODE, okm);
      cipher.updateAAD(out, 0, HEADER_LENGTH);
      cipher.doFinal(key, 0, key.length, out, HEADER_LENGTH);
      return out;
    } catch (GeneralSecurityException e) {
      throw new CryptoException("ECDH key wrap failed", e);
    } finally {
      Arrays.fill(key, (byte) 0);
      wipe(okm);
    }
  }

  @Override
  public SecretBytes unwrap(byte[] wrappedKey, PrivateKey recipient) {
    Objects.requireNonNull(wrappedKey, "wrappedKey");
    checkKey(recipient);
    if (wrappedKey.length <= HEADER_LENGTH + TAG_LENGTH || wrappedKey[0] != FORMAT) {
      throw failed(null);
    }
    byte[] ephemeralPoint = Arrays.copyOfRange(wrappedKey, 1, HEADER_LENGTH);
    byte[] okm = null;
    byte[] key = null;
    try {
      PublicKey ephemeral = P256.decode(ephemeralPoint);
      byte[] recipientPoint = P256.publicPointOf((ECPrivateKey) recipient);
      okm = derive(recipient, ephemeral, ephemeralPoint, recipientPoint);
      Cipher cipher = gcm(Cipher.DECRYPT_MODE, okm);
      cipher.updateAAD(wrappedKey, 0, HEADER_LENGTH);
      key = cipher.doFinal(wrappedKey, HEADER_LENGTH, wrappedKey.length - HEADER_LENGTH);
      return SecretBytes.copyOf(key);
    } catch (AEADBadTagException | IllegalArgumentException | IllegalStateException e) {
      throw failed(e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("ECDH key unwrap could not run", e);
    } finally {
      wipe(okm);
      wipe(key);
    }
  }

  private static byte[] derive(
      PrivateKey privateKey, PublicKey publicKey, byte[] ephemeralPoint, byte[] recipientPoint)
      throws GeneralSecurityException {
    KeyAgreement agreement = Providers.keyAgreement("ECDH");
    agreement.init(P256.toBouncyCastle(privateKey));
    agreement.doPhase(P256.toBouncyCastle(publicKey), true);
    byte[] shared = agreement.generateSecret();
    try {
      return Hkdf.sha256(
          shared, new byte[0], KEK_LENGTH + NONCE_LENGTH, INFO, ephemeralPoint, recipientPoint);
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  private static Cipher gcm(int mode, byte[] okm) throws GeneralSecurityException {
    Cipher cipher = Providers.jdkCipher(TRANSFORMATION);
    SecretKeySpec kek = new SecretKeySpec(okm, 0, KEK_LENGTH, "AES");
    cipher.init(mode, kek, new GCMParameterSpec(TAG_LENGTH * 8, okm, KEK_LENGTH, NONCE_LENGTH));
    return cipher;
  }

  private static void checkKey(Key key) {
    Objects.requireNonNull(key, "recipient");
    if (!KeyProfile.EC_P256.fits(key)) {
      throw new CryptoException(
          "ECDH key wrap needs a P-256 key, got " + KeyProfile.describe(key));
    }
  }

  private static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static DecryptionFailedException failed(Exception cause) {
    return cause == null
        ? new DecryptionFailedException("key unwrap failed")
        : new DecryptionFailedException("key unwrap failed", cause);
  }
}
