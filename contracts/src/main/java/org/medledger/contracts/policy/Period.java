package org.medledger.contracts.policy;

import java.time.Instant;

/**
 * A half-open interval of block time [start, end): a missing start reaches back forever, a
 * missing end never ends. It must end after it starts.
 */
public record Period(Instant start, Instant end) {
  /** A period without bounds. */
  public static final Period ALWAYS = new Period(null, null);

  public Period {
    if (start != null && end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException(
          "period must end after it starts: ends " + end + ", starts " + start);
    }
  }

  /** From {@code start} on, without end. */
  public static Period from(Instant start) {
    return new Period(Checks.required(start, "a period's start"), null);
  }

  public static Period between(Instant start, Instant end) {
    return new Period(Checks.required(start, "a period's start"), Checks.required(end, "a period's end"));
  }

  /** True if {@code time} lies in [start, end). */
  public boolean contains(Instant time) {
    return (start == null || !time.isBefore(start)) && (end == null || time.isBefore(end));
  }

  /** True if the period has ended at {@code time}. */
  public boolean endedBy(Instant time) {
    return end != null && !time.isBefore(end);
  }

  /** The same period, ending at {@code at} (e.g. a relationship ended or a consent cut short). */
  public Period endingAt(Instant at) {
    return new Period(start, at);
  }

  @Override
  public String toString() {
    return "[" + (start == null ? "-inf" : start) + ", " + (end == null ? "+inf" : end) + ")";
  }
}
