package org.medledger.node.verify;

import java.util.stream.Collectors;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;

/** Puts stored (possibly hostile) text into one-line reasons. */
final class Texts {
  private static final int MAX = 160;

  private Texts() {}

  /** The text on one line, control characters removed, at most {@value #MAX} characters, quoted. */
  static String quote(String text) {
    return "'" + clean(text) + "'";
  }

  static String clean(String text) {
    String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    return line.length() <= MAX ? line : line.substring(0, MAX) + "…";
  }

  /** The first sentence of a (library's) message, on one line. */
  static String firstSentence(String text) {
    String line = clean(text == null ? "" : text);
    int end = line.indexOf(". ");
    return end < 0 ? line : line.substring(0, end + 1);
  }

  /** A result as a reason shows it: {@code ok (events: certificate.recorded)} or {@code code: message}. */
  static String describe(TransactionResult result) {
    if (result.success()) {
      return result.events().isEmpty() ? "ok"
          : "ok (events: " + result.events().stream().map(Event::name).collect(Collectors.joining(", ")) + ")";
    }
    return clean(result.code() + (result.message().isEmpty() ? "" : ": " + result.message()));
  }
}
