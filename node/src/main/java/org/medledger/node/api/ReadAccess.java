package org.medledger.node.api;

import java.time.Instant;
import org.medledger.contracts.consent.Consents;
import org.medledger.contracts.consent.DelegationEntry;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Requester;
import org.medledger.ledger.state.StateView;
import org.medledger.pki.Role;

/**
 * Who may read what of the access-control records: deny by default, a 403 problem {@code
 * forbidden} saying who may read. The reader is an authenticated {@link Requester}; their role
 * comes from their certificate on chain.
 *
 * <ul>
 *   <li>A patient's records (consents, access log, a decision about them): the patient; a delegate
 *       of theirs whose delegation is in force now and covers reading that class of data — {@code
 *       Consent} for consents, {@code AuditEvent} for the access log — so a delegate scoped to, say,
 *       immunisations does not learn who read the patient's other records; an auditor.
 *   <li>The decisions on one requester's requests: that person (in whatever role) and auditors.
 *   <li>Break-glass grants waiting for review: auditors.
 * </ul>
 */
final class ReadAccess {
  static final String FORBIDDEN = "forbidden";

  private ReadAccess() {}

  /** The patient, a delegate in force covering reading {@code dataClass}, or an auditor. */
  static boolean mayReadPatientRecords(Requester reader, PatientId patient, DataClass dataClass, StateView state,
      Instant now) {
    return reader.role() == Role.AUDITOR || reader.isPatient(patient)
        || isDelegate(reader, patient, dataClass, state, now);
  }

  static void requirePatientRecords(Requester reader, PatientId patient, DataClass dataClass, StateView state,
      Instant now, String what) {
    if (!mayReadPatientRecords(reader, patient, dataClass, state, now)) {
      throw forbidden(what + " of " + patient + ": readable by the patient, a delegate of theirs whose delegation "
          + "covers reading " + dataClass + ", or an auditor", reader);
    }
  }

  /** That person or an auditor. */
  static void requirePersonOrAuditor(Requester reader, Party.Person person, String what) {
    if (reader.role() != Role.AUDITOR && !reader.isPerson(person)) {
      throw forbidden(what + " of " + person + ": readable by " + person + " or an auditor", reader);
    }
  }

  static void requireAuditor(Requester reader, String what) {
    if (reader.role() != Role.AUDITOR) {
      throw forbidden(what + ": readable by auditors", reader);
    }
  }

  static ProblemException forbidden(String rule, Requester reader) {
    return new ProblemException(403, FORBIDDEN, rule + "; this request is signed by " + reader);
  }

  private static boolean isDelegate(Requester reader, PatientId patient, DataClass dataClass, StateView state,
      Instant now) {
    for (DelegationEntry entry : Consents.delegations(state, patient)) {
      Delegation delegation = entry.delegation();
      if (reader.isPerson(delegation.delegate()) && delegation.isActiveAt(now)
          && delegation.covers(Action.READ, dataClass)) {
        return true;
      }
    }
    return false;
  }
}
