package org.medledger.node.fhir;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * Patients and parties as FHIR logical references (a Reference with an identifier only: MedLedger
 * names people by organisation and name, which a FHIR id cannot hold):
 * <ul>
 *   <li>a person (or the patient): system {@code urn:medledger:organisation:<org>}, value their name there;
 *   <li>an organisation: system {@code urn:medledger:organisation}, value the organisation id;
 *   <li>the holders of a role: system {@code urn:medledger:role}, value the role id (e.g. {@code physician}).
 * </ul>
 */
final class PartyIdentifiers {
  static final String ORGANISATION = "urn:medledger:organisation";
  static final String MEMBER_OF = ORGANISATION + ":";
  static final String ROLE = "urn:medledger:role";

  private PartyIdentifiers() {}

  static Reference reference(PatientId patient) {
    return memberReference(patient.organisation(), patient.name());
  }

  static Reference reference(Party party) {
    if (party instanceof Party.Person person) {
      return memberReference(person.organisation(), person.name());
    }
    if (party instanceof Party.Organisation organisation) {
      return identified(ORGANISATION, organisation.organisation().value());
    }
    if (party instanceof Party.OfRole role) {
      return identified(ROLE, role.role().id());
    }
    throw new IllegalStateException("unknown kind of party: " + party);
  }

  static PatientId patient(Reference reference, String path) {
    Identifier identifier = identifier(reference, path);
    String system = identifier.getSystem();
    if (!system.startsWith(MEMBER_OF)) {
      throw FhirConsentException.at(path + ".identifier.system", "a patient is identified in their home organisation: "
          + "system " + MEMBER_OF + "<organisation>, not '" + system + "'");
    }
    Party.Person person = person(identifier, path);
    return new PatientId(person.organisation(), person.name());
  }

  static Party party(Reference reference, String path) {
    Identifier identifier = identifier(reference, path);
    String system = identifier.getSystem();
    if (system.equals(ORGANISATION)) {
      return new Party.Organisation(organisation(identifier.getValue(), path + ".identifier.value"));
    }
    if (system.equals(ROLE)) {
      return new Party.OfRole(role(identifier.getValue(), path + ".identifier.value"));
    }
    if (system.startsWith(MEMBER_OF)) {
      return person(identifier, path);
    }
    throw FhirConsentException.at(path + ".identifier.system", "unknown actor identifier system '" + system
        + "' (expected " + MEMBER_OF + "<organisation> for a person, " + ORGANISATION + " for an organisation, "
        + ROLE + " for a role)");
  }

  /** A person: organisation from the system ({@code urn:medledger:organisation:<org>}), name from the value. */
  private static Party.Person person(Identifier identifier, String path) {
    OrganisationId organisation =
        organisation(identifier.getSystem().substring(MEMBER_OF.length()), path + ".identifier.system");
    try {
      return new Party.Person(organisation, identifier.getValue());
    } catch (RuntimeException e) {
      throw FhirConsentException.at(path + ".identifier.value", e);
    }
  }

  private static OrganisationId organisation(String id, String path) {
    try {
      return OrganisationId.of(id);
    } catch (RuntimeException e) {
      throw FhirConsentException.at(path, e);
    }
  }

  private static Reference memberReference(OrganisationId organisation, String name) {
    return identified(MEMBER_OF + organisation.value(), name);
  }

  private static Reference identified(String system, String value) {
    return new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value));
  }

  /** A role by its exact id, e.g. {@code physician}. */
  private static Role role(String id, String path) {
    for (Role role : Role.values()) {
      if (role.id().equals(id)) {
        return role;
      }
    }
    throw FhirConsentException.at(path, "unknown role '" + id + "' (one of: "
        + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")) + ")");
  }

  private static Identifier identifier(Reference reference, String path) {
    if (reference.hasReference()) {
      throw FhirConsentException.at(path + ".reference", "literal references ('" + reference.getReference()
          + "') are not supported: identify the party by identifier (system and value) only");
    }
    if (!reference.hasIdentifier()) {
      throw FhirConsentException.at(path, "needs an identifier (system and value)");
    }
    Identifier identifier = reference.getIdentifier();
    if (!identifier.hasSystem() || !identifier.hasValue()) {
      throw FhirConsentException.at(path + ".identifier", "needs both a system and a value");
    }
    return identifier;
  }
}
