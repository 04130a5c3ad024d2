package org.medledger.node.verify;

/** One failed check: the height it is attributed to and a one-line reason. */
record Finding(long height, String reason) {
  /** The finding with the lower height; {@code a} on ties (it was found first). */
  static Finding lower(Finding a, Finding b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return b.height() < a.height() ? b : a;
  }
}
