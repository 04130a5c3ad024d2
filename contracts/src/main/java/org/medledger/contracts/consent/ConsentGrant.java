package org.medledger.contracts.consent;

import java.util.Optional;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.ledger.Digest;

/**
 * The payload of {@code consent.grant}: a consent without its id (the transaction's id becomes
 * it), and optionally the SHA-256 of the FHIR Consent resource (JSON) that the patient's edge keeps
 * off chain.
 */
public record ConsentGrant(PatientId patient, Period period, Provision provision, Optional<Digest> fhirSha256) {
  public ConsentGrant {
    if (patient == null || provision == null) {
      throw new IllegalArgumentException("a consent needs a patient and a root provision");
    }
    period = period == null ? Period.ALWAYS : period;
    fhirSha256 = fhirSha256 == null ? Optional.empty() : fhirSha256;
  }

  /** The consent this grant creates, active, with id {@code id}. */
  public Consent toConsent(String id) {
    return Consent.active(id, patient, period, provision);
  }
}
