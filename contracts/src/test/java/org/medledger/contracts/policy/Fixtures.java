package org.medledger.contracts.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/** Shared test values: one patient, requesters per role, the block time, and request defaults. */
final class Fixtures {
  static final Instant T = Instant.parse("2025-06-01T12:00:00Z");
  static final PatientId PATIENT = PatientId.of("st-mary", "pat-ana");
  static final OrganisationId CUSTODIAN = OrganisationId.of("st-mary");
  static final OrganisationId CLINIC = OrganisationId.of("city-clinic");

  private Fixtures() {}

  static Instant hoursFromT(long hours) {
    return T.plus(Duration.ofHours(hours));
  }

  static Instant daysFromT(long days) {
    return T.plus(Duration.ofDays(days));
  }

  /** {@code <role>-1@city-clinic}, or the patient herself for role patient. */
  static Requester requester(Role role) {
    return role == Role.PATIENT
        ? new Requester(PATIENT.organisation(), PATIENT.name(), Role.PATIENT, null)
        : Requester.of(CLINIC.value(), role.id() + "-1", role);
  }

  /** A request at T for identified output, without break-glass reason. */
  static AccessRequest request(Requester requester, Action action, PurposeOfUse purpose, DataClass dataClass,
      SecurityLabel... labels) {
    return AccessRequest.of(requester, PATIENT, action, purpose, dataClass, Set.of(labels), CUSTODIAN, T);
  }

  static AccessRequest read(Role role, PurposeOfUse purpose, DataClass dataClass, SecurityLabel... labels) {
    return request(requester(role), Action.READ, purpose, dataClass, labels);
  }
}
