package org.medledger.contracts.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A class of health data: one of the FHIR R4 resource types MedLedger stores. Policy is written
 * per class; a request names the class of the record it touches.
 */
public enum DataClass {
  PATIENT("Patient"),
  ENCOUNTER("Encounter"),
  OBSERVATION("Observation"),
  CONDITION("Condition"),
  PROCEDURE("Procedure"),
  MEDICATION_REQUEST("MedicationRequest"),
  MEDICATION_STATEMENT("MedicationStatement"),
  ALLERGY_INTOLERANCE("AllergyIntolerance"),
  IMMUNIZATION("Immunization"),
  DIAGNOSTIC_REPORT("DiagnosticReport"),
  DOCUMENT_REFERENCE("DocumentReference"),
  CARE_PLAN("CarePlan"),
  CLAIM("Claim"),
  CLAIM_RESPONSE("ClaimResponse"),
  COVERAGE("Coverage"),
  EXPLANATION_OF_BENEFIT("ExplanationOfBenefit"),
  CONSENT("Consent"),
  AUDIT_EVENT("AuditEvent"),
  PROVENANCE("Provenance");

  /** Clinical content: what clinicians treat with and researchers study (de-identified). */
  public static final Set<DataClass> CLINICAL = Collections.unmodifiableSet(EnumSet.of(
      PATIENT, ENCOUNTER, OBSERVATION, CONDITION, PROCEDURE, MEDICATION_REQUEST,
      MEDICATION_STATEMENT, ALLERGY_INTOLERANCE, IMMUNIZATION, DIAGNOSTIC_REPORT,
      DOCUMENT_REFERENCE, CARE_PLAN));

  /** The minimum necessary for payment: claims, coverage and the encounter summary. */
  public static final Set<DataClass> PAYMENT = Collections.unmodifiableSet(EnumSet.of(
      CLAIM, CLAIM_RESPONSE, COVERAGE, EXPLANATION_OF_BENEFIT, ENCOUNTER));

  /** The audit trail and consent metadata: what auditors see, never clinical content. */
  public static final Set<DataClass> AUDIT_METADATA = Collections.unmodifiableSet(EnumSet.of(
      AUDIT_EVENT, PROVENANCE, CONSENT));

  private final String fhirType;

  DataClass(String fhirType) {
    this.fhirType = fhirType;
  }

  /** The FHIR resource type name, e.g. {@code MedicationRequest}. */
  public String fhirType() {
    return fhirType;
  }

  public boolean isPayment() {
    return PAYMENT.contains(this);
  }

  public boolean isClinical() {
    return CLINICAL.contains(this);
  }

  public boolean isAuditMetadata() {
    return AUDIT_METADATA.contains(this);
  }

  /** Parses a FHIR resource type name (exact spelling, e.g. {@code Observation}); anything else fails with the list. */
  public static DataClass parse(String fhirType) {
    String wanted = fhirType == null ? "" : fhirType.strip();
    for (DataClass dataClass : values()) {
      if (dataClass.fhirType.equals(wanted)) {
        return dataClass;
      }
    }
    throw new IllegalArgumentException(
        "unknown data class '" + fhirType + "': not a FHIR R4 resource type MedLedger stores (one of: "
            + Arrays.stream(values()).map(DataClass::fhirType).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return fhirType;
  }
}
