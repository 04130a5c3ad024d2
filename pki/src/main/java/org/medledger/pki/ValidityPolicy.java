package org.medledger.pki;

import java.time.Duration;

/**
 * How long certificates of each profile are valid, how long an enrollment secret lives, and how
 * long a published CRL stays current.
 */
public record ValidityPolicy(
    Duration person, Duration node, Duration authority, Duration enrollmentSecret, Duration crl) {
  public static final ValidityPolicy DEFAULT =
      new ValidityPolicy(
          Duration.ofDays(365), Duration.ofDays(730), Duration.ofDays(3650), Duration.ofHours(24), Duration.ofDays(7));

  public ValidityPolicy {
    for (Duration d : new Duration[] {person, node, authority, enrollmentSecret, crl}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new PkiException(PkiException.Reason.MALFORMED, "validity periods must be positive");
      }
    }
  }

  public Duration of(CertificateProfile profile) {
    return switch (profile) {
      case AUTHORITY -> authority;
      case PERSON -> person;
      case VALIDATOR, TLS -> node;
    };
  }
}
