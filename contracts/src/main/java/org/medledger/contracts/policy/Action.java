package org.medledger.contracts.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a requester wants to do with a patient's data. */
public enum Action {
  /** See the data inside MedLedger. */
  READ,
  /** Add or amend a record. */
  WRITE,
  /** Pass the data on to a third party. */
  DISCLOSE,
  /** Take the data out of MedLedger (download, bulk export). */
  EXPORT;

  /** The lower-case name used in files and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code read}, {@code write}, {@code disclose} or {@code export} (case-insensitive). */
  public static Action parse(String text) {
    String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (Action action : values()) {
      if (action.name().equals(wanted)) {
        return action;
      }
    }
    throw new IllegalArgumentException(
        "unknown action '" + text + "' (one of: "
            + Arrays.stream(values()).map(Action::id).collect(Collectors.joining(", ")) + ")");
  }
}
