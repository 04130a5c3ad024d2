package org.medledger.node.api;

import java.util.Optional;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityEntry;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.ledger.state.StateView;
import org.medledger.pki.Role;

/**
 * The people a request names, as the identity registry on chain has them: a 404 problem for one
 * it never registered. A revoked or suspended identity is still known: its records stay readable.
 */
final class KnownIdentities {
  private KnownIdentities() {}

  /** The patient is an identity with role patient ({@code unknown-patient}). */
  static void requirePatient(StateView state, PatientId patient) {
    Optional<IdentityEntry> entry = identity(state, patient.asPerson());
    if (entry.isEmpty() || entry.get().claims().role() != Role.PATIENT) {
      throw new ProblemException(404, "unknown-patient", patient + " is not a registered patient");
    }
  }

  /** The person is a registered identity ({@code unknown-identity}). */
  static void requirePerson(StateView state, Party.Person person) {
    if (identity(state, person).isEmpty()) {
      throw new ProblemException(404, "unknown-identity", person + " is not a registered identity");
    }
  }

  private static Optional<IdentityEntry> identity(StateView state, Party.Person person) {
    return state.get(IdentityKeys.identity(person.organisation(), person.name()))
        .map(bytes -> IdentityCodec.decode(bytes, person.organisation()));
  }
}
