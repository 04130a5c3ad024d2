package org.medledger.contracts.policy;

import java.util.List;

/**
 * The world state the policy decision point reads, as of the block being executed. The contracts
 * implement it over the ledger's state; tests implement it in memory. Lists may be in any order
 * and may hold entries that no longer apply (revoked, expired): the decision point checks status
 * and periods against the request's time. Each method is called at most once per decision, and
 * only when the decision needs it.
 */
public interface PolicyState {
  /** The consents of the patient, active or not. */
  List<Consent> consents(PatientId patient);

  /** The treating relationships of the patient, current or past. */
  List<Relationship> relationships(PatientId patient);

  /** The delegations the patient made, current or past. */
  List<Delegation> delegations(PatientId patient);

  /**
   * The break-glass grants of this requester for this patient. Expired grants may be left out
   * (then a request after expiry is denied as {@code no-break-glass} rather than
   * {@code break-glass-expired}).
   */
  List<BreakGlass> breakGlass(Party.Person requester, PatientId patient);

  /** The policy in force. */
  PolicyParameters parameters();
}
