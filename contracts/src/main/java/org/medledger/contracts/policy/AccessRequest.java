package org.medledger.contracts.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.medledger.pki.OrganisationId;

/**
 * One question for the policy decision point: may this requester perform this action, for this
 * purpose, on this class of this patient's data (carrying these security labels, held by this
 * custodian) at this block time?
 *
 * @param requester the verified requester, as the chain knows them
 * @param patient whose data
 * @param action what the requester wants to do
 * @param purpose why (HL7 PurposeOfUse)
 * @param dataClass the FHIR resource type of the data
 * @param labels the security labels the data carries (may be empty)
 * @param custodian the organisation holding the data (recorded with the decision; the default
 *     rules do not depend on it)
 * @param time the block time: the decision's only clock
 * @param breakGlassReason the requester's written reason, required when declaring break-glass
 *     ({@link PolicyDecisionPoint#decideBreakGlass}); when present it is not blank
 * @param deidentified the requester asks for de-identified output only
 */
public record AccessRequest(
    Requester requester,
    PatientId patient,
    Action action,
    PurposeOfUse purpose,
    DataClass dataClass,
    Set<SecurityLabel> labels,
    OrganisationId custodian,
    Instant time,
    Optional<String> breakGlassReason,
    boolean deidentified) {

  public AccessRequest {
    Checks.required(requester, "the requester");
    Checks.required(patient, "the patient");
    Checks.required(action, "the action");
    Checks.required(purpose, "the purpose of use");
    Checks.required(dataClass, "the data class");
    labels = Checks.enumSet(labels, SecurityLabel.class, "the data's labels");
    Checks.required(custodian, "the custodian organisation");
    Checks.required(time, "the block time");
    breakGlassReason = breakGlassReason == null || breakGlassReason.isEmpty()
        ? Optional.empty()
        : Optional.of(Checks.reason(breakGlassReason.get(), "the break-glass reason"));
  }

  /** A request for identified data without a break-glass reason. */
  public static AccessRequest of(Requester requester, PatientId patient, Action action, PurposeOfUse purpose,
      DataClass dataClass, Set<SecurityLabel> labels, OrganisationId custodian, Instant time) {
    return new AccessRequest(requester, patient, action, purpose, dataClass, labels, custodian, time,
        Optional.empty(), false);
  }

  public AccessRequest withBreakGlassReason(String reason) {
    return new AccessRequest(requester, patient, action, purpose, dataClass, labels, custodian, time,
        Optional.of(reason), deidentified);
  }

  public AccessRequest withDeidentified(boolean deidentifiedOutput) {
    return new AccessRequest(requester, patient, action, purpose, dataClass, labels, custodian, time,
        breakGlassReason, deidentifiedOutput);
  }

  public AccessRequest at(Instant blockTime) {
    return new AccessRequest(requester, patient, action, purpose, dataClass, labels, custodian, blockTime,
        breakGlassReason, deidentified);
  }
}
