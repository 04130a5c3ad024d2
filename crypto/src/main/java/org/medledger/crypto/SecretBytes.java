package org.medledger.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * Secret key material (data keys, AEAD keys). Holds its own copy; hands out copies only; compares in
 * constant time; never shows its content in {@code toString} or {@code hashCode}. After {@link
 * #destroy()} the bytes are zeroed and any access throws {@link IllegalStateException}.
 */
public final class SecretBytes implements Destroyable {
  private final byte[] bytes;
  private volatile boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Fresh random bytes from a {@link java.security.SecureRandom}. */
  public static SecretBytes random(int length) {
    if (length <= 0) {
      throw new IllegalArgumentException("length must be positive: " + length);
    }
    byte[] bytes = new byte[length];
    Providers.random().nextBytes(bytes);
    return new SecretBytes(bytes);
  }

  /** A holder with its own copy of {@code bytes}; the caller may zero its array afterwards. */
  public static SecretBytes copyOf(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new SecretBytes(bytes.clone());
  }

  /** A copy of the secret; zero it when done. */
  public byte[] toByteArray() {
    checkNotDestroyed();
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  /** Zeroes the secret; later access throws. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Equal when both hold the same bytes, compared in constant time. A destroyed holder equals only itself. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SecretBytes)) {
      return false;
    }
    SecretBytes that = (SecretBytes) other;
    if (destroyed || that.destroyed) {
      return false;
    }
    return MessageDigest.isEqual(bytes, that.bytes);
  }

  /** Depends on the length only, never on the content. */
  @Override
  public int hashCode() {
    return Integer.hashCode(bytes.length);
  }

  @Override
  public String toString() {
    return "SecretBytes[redacted]";
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("secret has been destroyed");
    }
  }
}
