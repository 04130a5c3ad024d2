package org.medledger.contracts.relationship;

import org.medledger.contracts.policy.PatientId;

/** Where treating relationships are kept in the world state: one key per patient. */
public final class RelationshipKeys {
  public static final String NAMESPACE = "relationship";

  private RelationshipKeys() {}

  /** The patient's treating relationships, current or past, in the order added. */
  public static String patient(PatientId patient) {
    return NAMESPACE + "/patient/" + patient.organisation().value() + "/" + patient.name();
  }
}
