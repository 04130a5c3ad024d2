package org.medledger.contracts.consent;

import org.medledger.contracts.policy.PatientId;

/** Where consents, delegations and each patient's consent version are kept in the world state. */
public final class ConsentKeys {
  public static final String NAMESPACE = "consent";

  private ConsentKeys() {}

  /** One consent, by id (the id of the transaction that granted it). */
  public static String consent(String id) {
    return NAMESPACE + "/c/" + id;
  }

  /** The sorted ids of a patient's consents, active or not. */
  public static String index(PatientId patient) {
    return NAMESPACE + "/patient/" + patient.organisation().value() + "/" + patient.name();
  }

  /**
   * A patient's consent version: a SHA-256 chained over every write to the patient's consent index,
   * consents and delegations ({@link ConsentVersion}), absent until the first.
   */
  public static String version(PatientId patient) {
    return NAMESPACE + "/version/" + patient.organisation().value() + "/" + patient.name();
  }

  /** A patient's delegations, in the order made. */
  public static String delegations(PatientId patient) {
    return NAMESPACE + "/delegation/" + patient.organisation().value() + "/" + patient.name();
  }
}
