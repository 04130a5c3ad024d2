package org.medledger.client.cli;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.ledger.Digest;
import org.medledger.node.fhir.ConsentResources;

/** A consent grant and the exact FHIR R4 Consent text whose SHA-256 it carries to the chain. */
record FhirConsent(ConsentGrant grant, String json) {

  /** The FHIR resource for a consent given on the command line, and the grant that names its hash. */
  static FhirConsent of(PatientId patient, Period period, Provision provision) {
    String json = ConsentResources.toJson(new ConsentGrant(patient, period, provision, Optional.empty()));
    return new FhirConsent(new ConsentGrant(patient, period, provision,
        Optional.of(Digest.sha256(json.getBytes(StandardCharsets.UTF_8)))), json);
  }

  /** A FHIR Consent resource as the patient wrote it. */
  static FhirConsent parse(String json) {
    return new FhirConsent(ConsentResources.fromJson(json), json);
  }
}
