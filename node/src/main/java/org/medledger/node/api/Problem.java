package org.medledger.node.api;

import java.util.Locale;

/**
 * An RFC 9457 problem detail: {@code type} and {@code code} name the problem (the code is the
 * ledger's rejection code where there is one, e.g. {@code certificate-revoked}), {@code title}
 * says it in words, {@code detail} explains this occurrence. Never a stack trace.
 */
public record Problem(String type, String title, int status, String detail, String code) {
  /** The URI prefix of problem types; the code follows. */
  public static final String TYPE_PREFIX = "urn:medledger:problem:";

  public static Problem of(int status, String code, String detail) {
    return new Problem(TYPE_PREFIX + code, title(code), status, detail, code);
  }

  private static String title(String code) {
    String words = code.replace('-', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
