package org.medledger.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.medledger.crypto.HashAlgorithm;

/**
 * One-time enrollment secrets: 160 random bits shown once to the registrar, stored only as a
 * SHA-256 hash (a slow hash adds nothing for a secret of this entropy).
 */
public final class EnrollmentSecret {
  private static final int BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private EnrollmentSecret() {}

  public static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String secret) {
    return HexFormat.of().formatHex(HashAlgorithm.SHA_256.digest(secret.getBytes(StandardCharsets.UTF_8)));
  }

  /** Constant-time comparison of a presented secret with a stored hash. */
  public static boolean matches(String presented, String storedHash) {
    if (presented == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
