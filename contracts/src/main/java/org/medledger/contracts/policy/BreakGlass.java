package org.medledger.contracts.policy;

import java.time.Instant;

/**
 * An emergency access grant: a clinician declared an emergency for a patient with a written
 * reason; the grant holds from {@code grantedAt} until {@code expiresAt} (exclusive) and waits for
 * an auditor's review.
 */
public record BreakGlass(Party.Person requester, PatientId patient, String reason, Instant grantedAt,
    Instant expiresAt, boolean reviewed) {

  public BreakGlass {
    Checks.required(requester, "the break-glass requester");
    Checks.required(patient, "the break-glass patient");
    reason = Checks.reason(reason, "the break-glass reason");
    Checks.required(grantedAt, "the break-glass grant time");
    Checks.required(expiresAt, "the break-glass expiry");
    if (!expiresAt.isAfter(grantedAt)) {
      throw new IllegalArgumentException(
          "break-glass must expire after it is granted: expires " + expiresAt + ", granted " + grantedAt);
    }
  }

  /**
   * The grant for a declaration that {@link PolicyDecisionPoint#decideBreakGlass} permitted: from
   * the request's time for the policy's break-glass duration.
   */
  public static BreakGlass grant(AccessRequest declaration, PolicyParameters parameters) {
    String reason = declaration.breakGlassReason().orElseThrow(
        () -> new IllegalArgumentException("the break-glass reason must be a non-blank written reason"));
    Instant at = declaration.time();
    return new BreakGlass(declaration.requester().asPerson(), declaration.patient(), reason, at,
        at.plus(parameters.breakGlassDuration()), false);
  }

  public boolean isActiveAt(Instant time) {
    return !time.isBefore(grantedAt) && time.isBefore(expiresAt);
  }

  public boolean hasExpiredBy(Instant time) {
    return !time.isBefore(expiresAt);
  }

  public BreakGlass markReviewed() {
    return new BreakGlass(requester, patient, reason, grantedAt, expiresAt, true);
  }
}
