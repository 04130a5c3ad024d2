package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * {@link KeyWrapScheme#RSA_OAEP_SHA256}: 0x01 || RSAES-OAEP(SHA-256, MGF1-SHA-256, empty label)
 * ciphertext. The MGF1 digest is set explicitly: the JDK's default for this transformation name is
 * MGF1-SHA-1.
 */
final class RsaOaepKeyWrap implements KeyWrap {
  static final byte FORMAT = 0x01;
  private static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

  @Override
  public KeyWrapScheme scheme() {
    return KeyWrapScheme.RSA_OAEP_SHA256;
  }

  @Override
  public byte[] wrap(SecretBytes dataKey, PublicKey recipient) {
    Objects.requireNonNull(dataKey, "dataKey");
    checkKey(recipient);
    if (dataKey.length() == 0) {
      throw new CryptoException("cannot wrap an empty data key");
    }
    byte[] key = dataKey.toByteArray();
    try {
      Cipher cipher = Providers.rsaCipher(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, recipient, OAEP, Providers.random());
      byte[] sealed = cipher.doFinal(key);
      byte[] out = new byte[1 + sealed.length];
      out[0] = FORMAT;
      System.arraycopy(sealed, 0, out, 1, sealed.length);
      return out;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoException("RSA-OAEP key wrap failed (data key of " + key.length + " bytes)", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public SecretBytes unwrap(byte[] wrappedKey, PrivateKey recipient) {
    Objects.requireNonNull(wrappedKey, "wrappedKey");
    checkKey(recipient);
    int modulusLength = (((RSAKey) recipient).getModulus().bitLength() + 7) / 8;
    if (wrappedKey.length != 1 + modulusLength || wrappedKey[0] != FORMAT) {
      throw failed(null);
    }
    byte[] key = null;
    try {
      Cipher cipher = Providers.rsaCipher(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, recipient, OAEP);
      key = cipher.doFinal(wrappedKey, 1, wrappedKey.length - 1);
      if (key.length == 0) {
        throw failed(null);
      }
      return SecretBytes.copyOf(key);
    } catch (DecryptionFailedException e) {
      throw e;
    } catch (BadPaddingException | RuntimeException e) {
      // Includes BouncyCastle's DataLengthException: a ciphertext made for another (larger) modulus.
      throw failed(e);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("RSA-OAEP key unwrap could not run", e);
    } finally {
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private static void checkKey(java.security.Key key) {
    Objects.requireNonNull(key, "recipient");
    if (!KeyProfile.RSA_3072.fits(key)) {
      throw new CryptoException(
          "RSA-OAEP key wrap needs an RSA key of at least 3072 bits, got " + KeyProfile.describe(key));
    }
  }

  private static DecryptionFailedException failed(Exception cause) {
    return cause == null
        ? new DecryptionFailedException("key unwrap failed")
        : new DecryptionFailedException("key unwrap failed", cause);
  }
}
