package org.medledger.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869). */
final class Hkdf {
  private static final String HMAC = "HmacSHA256";
  private static final int HASH_LENGTH = 32;

  private Hkdf() {}

  /**
   * Derives {@code length} bytes from input keying material.
   *
   * @param salt may be empty (then HashLen zero bytes, as RFC 5869 says)
   * @param info the concatenation of these parts is the context information
   */
  static byte[] sha256(byte[] inputKeyMaterial, byte[] salt, int length, byte[]... info) {
    if (length <= 0 || length > 255 * HASH_LENGTH) {
      throw new IllegalArgumentException("HKDF-SHA256 output length out of range: " + length);
    }
    byte[] prk = null;
    try {
      Mac mac = Providers.jdkMac(HMAC);
      mac.init(new SecretKeySpec(salt.length == 0 ? new byte[HASH_LENGTH] : salt, HMAC));
      prk = mac.doFinal(inputKeyMaterial);
      mac.init(new SecretKeySpec(prk, HMAC));
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      for (int counter = 1, offset = 0; offset < length; counter++) {
        mac.update(block);
        for (byte[] part : info) {
          mac.update(part);
        }
        mac.update((byte) counter);
        block = mac.doFinal();
        int n = Math.min(block.length, length - offset);
        System.arraycopy(block, 0, out, offset, n);
        offset += n;
      }
      Arrays.fill(block, (byte) 0);
      return out;
    } catch (GeneralSecurityException e) {
      throw new CryptoException("HKDF-SHA256 is not available", e);
    } finally {
      if (prk != null) {
        Arrays.fill(prk, (byte) 0);
      }
    }
  }
}
