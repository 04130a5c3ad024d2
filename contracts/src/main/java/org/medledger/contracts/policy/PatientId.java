package org.medledger.contracts.policy;

import org.medledger.pki.OrganisationId;

/** A patient, known by their home organisation (where they are registered) and their name there. */
public record PatientId(OrganisationId organisation, String name) {
  public PatientId {
    Checks.required(organisation, "a patient's home organisation");
    Checks.name(name);
  }

  public static PatientId of(String organisation, String name) {
    return new PatientId(OrganisationId.of(organisation), name);
  }

  /** The patient as a person, e.g. to compare with a requester. */
  public Party.Person asPerson() {
    return new Party.Person(organisation, name);
  }

  @Override
  public String toString() {
    return name + "@" + organisation;
  }
}
