package org.medledger.node.fhir;

/**
 * A FHIR Consent that MedLedger cannot take (not JSON, not a Consent, an element or code it cannot
 * enforce) or a consent it cannot write as FHIR. The message names the FHIR element at fault, e.g.
 * {@code Consent.provision.actor[0].reference.identifier.system}, and says what is expected.
 */
public final class FhirConsentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FhirConsentException(String message) {
    super(message);
  }

  public FhirConsentException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code path: message}. */
  static FhirConsentException at(String path, String message) {
    return new FhirConsentException(path + ": " + message);
  }

  /** {@code path: message of cause}, for a value the policy model refused. */
  static FhirConsentException at(String path, RuntimeException cause) {
    return new FhirConsentException(path + ": " + cause.getMessage(), cause);
  }
}
