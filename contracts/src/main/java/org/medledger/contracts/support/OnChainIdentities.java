package org.medledger.contracts.support;

import java.util.Optional;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Provision;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityEntry;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.ledger.state.StateView;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The identity registry as the health contracts read it: one state read per lookup. An identity
 * counts if its organisation's registrar registered it and did not revoke it (a suspended identity
 * still exists: it just cannot sign).
 */
public final class OnChainIdentities {
  private OnChainIdentities() {}

  public static Optional<IdentityEntry> identity(StateView state, OrganisationId organisation, String name) {
    return state.get(IdentityKeys.identity(organisation, name))
        .map(bytes -> IdentityCodec.decode(bytes, organisation))
        .filter(entry -> entry.revocation().isEmpty());
  }

  /** The patient is a registered, unrevoked identity with role patient ({@code unknown-patient}). */
  public static void requirePatient(StateView state, PatientId patient) throws ContractException {
    Optional<IdentityEntry> entry = identity(state, patient.organisation(), patient.name());
    if (entry.isEmpty() || entry.get().claims().role() != Role.PATIENT) {
      throw new ContractException("unknown-patient", patient + " is not a registered patient");
    }
  }

  /** The person is a registered, unrevoked identity ({@code unknown-identity}). */
  public static void requirePerson(StateView state, Party.Person person) throws ContractException {
    if (identity(state, person.organisation(), person.name()).isEmpty()) {
      throw new ContractException("unknown-identity", person + " is not a registered identity");
    }
  }

  /** The organisation is a member of the network ({@code unknown-organisation}). */
  public static void requireOrganisation(StateView state, OrganisationId organisation) throws ContractException {
    if (state.get(IdentityKeys.authority(organisation)).isEmpty()) {
      throw new ContractException("unknown-organisation", "organisation " + organisation + " is not a member");
    }
  }

  /** A person or organisation a party names exists (roles always do). */
  public static void requireParty(StateView state, Party party) throws ContractException {
    if (party instanceof Party.Person person) {
      requirePerson(state, person);
    } else if (party instanceof Party.Organisation organisation) {
      requireOrganisation(state, organisation.organisation());
    }
  }

  /** Every actor named anywhere in a provision tree exists. */
  public static void requireActors(StateView state, Provision provision) throws ContractException {
    for (Party actor : provision.actors()) {
      requireParty(state, actor);
    }
    for (Provision nested : provision.provisions()) {
      requireActors(state, nested);
    }
  }
}
