package org.medledger.crypto;

import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A passphrase that protects a private key file. Holds its own copy, hands out copies, never shows
 * its content in {@code toString}; {@link #destroy()} zeroes it and later access throws {@link
 * IllegalStateException}.
 */
public final class Passphrase implements Destroyable {
  private final char[] chars;
  private volatile boolean destroyed;

  private Passphrase(char[] chars) {
    this.chars = chars;
  }

  /** Copies {@code chars}; the caller may zero its array afterwards. */
  public static Passphrase of(char[] chars) {
    Objects.requireNonNull(chars, "chars");
    if (chars.length == 0) {
      throw new IllegalArgumentException("passphrase must not be empty");
    }
    return new Passphrase(chars.clone());
  }

  /** A copy of the passphrase; zero it when done. */
  public char[] toCharArray() {
    if (destroyed) {
      throw new IllegalStateException("passphrase has been destroyed");
    }
    return chars.clone();
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(chars, '\0');
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "Passphrase[redacted]";
  }
}
