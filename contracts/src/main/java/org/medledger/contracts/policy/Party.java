package org.medledger.contracts.policy;

import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * Who a consent, a relationship or a delegation names: one person, every member of an
 * organisation, or every holder of a role.
 */
public sealed interface Party permits Party.Person, Party.Organisation, Party.OfRole {

  /** True if the requester is, belongs to, or holds this party. */
  boolean matches(Requester requester);

  static Person person(String organisation, String name) {
    return new Person(OrganisationId.of(organisation), name);
  }

  static Organisation organisation(String organisation) {
    return new Organisation(OrganisationId.of(organisation));
  }

  static OfRole role(Role role) {
    return new OfRole(role);
  }

  /** One person, known by their organisation and their name there (as in their certificate). */
  record Person(OrganisationId organisation, String name) implements Party {
    public Person {
      Checks.required(organisation, "a person's organisation");
      Checks.name(name);
    }

    @Override
    public boolean matches(Requester requester) {
      return organisation.equals(requester.organisation()) && name.equals(requester.name());
    }

    @Override
    public String toString() {
      return name + "@" + organisation;
    }
  }

  /** Every member of an organisation. */
  record Organisation(OrganisationId organisation) implements Party {
    public Organisation {
      Checks.required(organisation, "an organisation");
    }

    @Override
    public boolean matches(Requester requester) {
      return organisation.equals(requester.organisation());
    }

    @Override
    public String toString() {
      return "organisation " + organisation;
    }
  }

  /** Every holder of a role, in any organisation. */
  record OfRole(Role role) implements Party {
    public OfRole {
      Checks.required(role, "a role");
    }

    @Override
    public boolean matches(Requester requester) {
      return role == requester.role();
    }

    @Override
    public String toString() {
      return "role " + role.id();
    }
  }
}
