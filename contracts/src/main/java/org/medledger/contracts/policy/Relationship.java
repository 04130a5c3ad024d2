package org.medledger.contracts.policy;

import java.time.Instant;

/**
 * A treating relationship: a clinician (a person) or a whole organisation treats the patient for
 * a period (an admission, a referral, membership of the care team).
 */
public record Relationship(PatientId patient, Party party, Kind kind, Period period) {

  /** How the relationship arose. */
  public enum Kind {
    ADMISSION,
    REFERRAL,
    CARE_TEAM
  }

  public Relationship {
    Checks.required(patient, "the relationship's patient");
    Checks.required(party, "the treating party");
    if (party instanceof Party.OfRole) {
      throw new IllegalArgumentException(
          "a treating relationship names a person or an organisation, not " + party);
    }
    Checks.required(kind, "the relationship's kind");
    Checks.required(period, "the relationship's period");
  }

  /** True if the relationship holds at {@code time}. */
  public boolean isActiveAt(Instant time) {
    return period.contains(time);
  }

  /** The same relationship, ended at {@code at}. */
  public Relationship endedAt(Instant at) {
    return new Relationship(patient, party, kind, period.endingAt(at));
  }
}
