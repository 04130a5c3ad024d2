package org.medledger.contracts.consent;

import java.util.function.Predicate;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Requester;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;

/**
 * Who may act for a patient on their consents: the patient (same organisation and name, role
 * patient), or a delegate whose delegation is active at the block time and covers the act. One
 * state read (the patient's delegations), only when the signer is not the patient.
 */
final class PatientActor {
  private PatientActor() {}

  /**
   * The signer, if they act for {@code patient}: {@code not-patient} if they are neither the
   * patient nor an active delegate, {@code outside-delegation-scope} if no active delegation of
   * theirs covers the act.
   */
  static Party.Person require(TxContext context, PatientId patient, Predicate<Delegation> covers)
      throws ContractException {
    Requester signer = Requester.from(context.signer().claims());
    if (signer.isPatient(patient)) {
      return signer.asPerson();
    }
    boolean delegate = false;
    for (DelegationEntry entry : Consents.delegations(context::get, patient)) {
      Delegation delegation = entry.delegation();
      if (signer.isPerson(delegation.delegate()) && delegation.isActiveAt(context.blockTime())) {
        delegate = true;
        if (covers.test(delegation)) {
          return signer.asPerson();
        }
      }
    }
    if (delegate) {
      throw new ContractException("outside-delegation-scope",
          signer.asPerson() + " acts for " + patient + " but no delegation of theirs covers this");
    }
    throw new ContractException("not-patient", signer.asPerson() + " is neither " + patient
        + " nor an active delegate of theirs");
  }
}
