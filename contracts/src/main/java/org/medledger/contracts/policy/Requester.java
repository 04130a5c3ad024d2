package org.medledger.contracts.policy;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The requester as the chain knows them: organisation, name, role and attributes from the
 * identity recorded on chain (never from the request itself).
 */
public record Requester(OrganisationId organisation, String name, Role role, SortedMap<String, String> attributes) {
  public Requester {
    Checks.required(organisation, "the requester's organisation");
    Checks.name(name);
    Checks.required(role, "the requester's role");
    SortedMap<String, String> copy = new TreeMap<>(attributes == null ? Map.of() : attributes);
    copy.forEach((key, value) -> {
      try {
        IdentityClaims.requireValidAttribute(key, value);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    });
    attributes = Collections.unmodifiableSortedMap(copy);
  }

  public static Requester of(String organisation, String name, Role role) {
    return new Requester(OrganisationId.of(organisation), name, role, null);
  }

  /** The requester named by verified identity claims (e.g. a transaction's signer). */
  public static Requester from(IdentityClaims claims) {
    return new Requester(claims.organisation(), claims.name(), claims.role(), claims.attributes());
  }

  public Party.Person asPerson() {
    return new Party.Person(organisation, name);
  }

  /** True if the requester is this patient: same home organisation, same name, patient role. */
  public boolean isPatient(PatientId patient) {
    return role == Role.PATIENT && organisation.equals(patient.organisation()) && name.equals(patient.name());
  }

  /** True if the requester is this person (same organisation and name, any role). */
  public boolean isPerson(Party.Person person) {
    return organisation.equals(person.organisation()) && name.equals(person.name());
  }

  @Override
  public String toString() {
    return role.id() + " " + name + "@" + organisation;
  }
}
