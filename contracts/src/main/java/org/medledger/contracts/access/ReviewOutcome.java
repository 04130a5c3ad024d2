package org.medledger.contracts.access;

/** What an auditor concluded about a break-glass access. */
public enum ReviewOutcome {
  APPROPRIATE,
  INAPPROPRIATE;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Exactly {@code appropriate} or {@code inappropriate}. */
  public static ReviewOutcome parse(String id) {
    for (ReviewOutcome outcome : values()) {
      if (outcome.id().equals(id)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("a review outcome is appropriate or inappropriate, not '" + id + "'");
  }
}
