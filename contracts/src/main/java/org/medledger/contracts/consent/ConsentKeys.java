package org.medledger.contracts.consent;

import org.medledger.contracts.policy.PatientId;

/** Where consents and delegations are kept in the world state. */
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

  /** A patient's delegations, in the order made. */
  public static String delegations(PatientId patient) {
    return NAMESPACE + "/delegation/" + patient.organisation().value() + "/" + patient.name();
  }
}
