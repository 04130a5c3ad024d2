package org.medledger.ledger;

/**
 * Checks on text that goes into hashes and signatures: it must be well-formed Unicode (no lone
 * surrogates), because UTF-8 encoders silently replace those and two different strings would
 * then encode, hash and sign alike.
 */
public final class Text {
  private Text() {}

  public static String requireWellFormed(String text, String what) {
    if (text == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " is not well-formed Unicode");
      }
    }
    return text;
  }
}
