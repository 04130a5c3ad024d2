package org.medledger.contracts.policy;

import java.time.Duration;

/**
 * Something that must happen because of a permit: the node and the contracts carry it out (notify
 * the patient, queue a review, de-identify the output, flag the access).
 *
 * @param kind what must happen
 * @param within the deadline, for {@link Kind#REVIEW_WITHIN} only (null otherwise)
 */
public record Obligation(Kind kind, Duration within) {

  public enum Kind {
    /** Tell the patient about this access. */
    NOTIFY_PATIENT,
    /** An auditor must review this access within the deadline. */
    REVIEW_WITHIN,
    /** Return de-identified output only. */
    DEIDENTIFY_OUTPUT,
    /** Mark this access as break-glass wherever it is shown. */
    FLAG_BREAK_GLASS
  }

  public static final Obligation NOTIFY_PATIENT = new Obligation(Kind.NOTIFY_PATIENT, null);
  public static final Obligation DEIDENTIFY_OUTPUT = new Obligation(Kind.DEIDENTIFY_OUTPUT, null);
  public static final Obligation FLAG_BREAK_GLASS = new Obligation(Kind.FLAG_BREAK_GLASS, null);

  public Obligation {
    Checks.required(kind, "an obligation's kind");
    if (kind == Kind.REVIEW_WITHIN) {
      if (within == null || within.isNegative() || within.isZero()) {
        throw new IllegalArgumentException("REVIEW_WITHIN needs a positive deadline, not " + within);
      }
    } else if (within != null) {
      throw new IllegalArgumentException(kind + " takes no deadline");
    }
  }

  public static Obligation reviewWithin(Duration deadline) {
    return new Obligation(Kind.REVIEW_WITHIN, deadline);
  }

  @Override
  public String toString() {
    return within == null ? kind.name() : kind.name() + "(" + within + ")";
  }
}
