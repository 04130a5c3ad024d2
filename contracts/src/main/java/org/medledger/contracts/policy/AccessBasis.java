package org.medledger.contracts.policy;

/**
 * What, beyond the role matrix, must hold for a request to be permitted. Each cell of the
 * {@link PolicyParameters} matrix names one.
 */
public enum AccessBasis {
  /**
   * The requester is the patient, or a delegate of the patient acting within the delegation's
   * scope and period. Consents govern other people's access and do not apply.
   */
  OWN_DATA,
  /**
   * Care: an active treating relationship (with the person or their organisation) or a consent
   * permitting the requester. Data with a sensitive label needs a consent naming those labels;
   * WRITE needs a relationship or a consent naming WRITE; DISCLOSE and EXPORT need a consent naming
   * them.
   */
  CARE,
  /** A consent permitting the requester only (e.g. insurers, minimum necessary). */
  CONSENT,
  /**
   * A research consent (a permit naming the request's purpose, HRESCH) and de-identified output
   * only; the permit carries {@link Obligation.Kind#DEIDENTIFY_OUTPUT}.
   */
  RESEARCH_CONSENT,
  /**
   * Oversight by role (auditors): audit trail and consent metadata, whichever patient. Patient
   * consent neither grants nor restricts it (health oversight needs no authorisation).
   */
  OVERSIGHT,
  /**
   * Emergency (ETREAT): an active break-glass grant of the requester for the patient. Overrides a
   * patient's deny, with obligations to flag, notify the patient and review.
   */
  BREAK_GLASS
}
