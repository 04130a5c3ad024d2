package org.medledger.contracts.consent;

import java.util.Set;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;

/** The payload of {@code consent.delegate}: the delegate and the scope; the signer is the patient. */
public record DelegationRequest(Party.Person delegate, Set<Action> actions, Set<DataClass> classes, Period period) {
  public DelegationRequest {
    if (delegate == null || period == null) {
      throw new IllegalArgumentException("a delegation needs a delegate and a period");
    }
    actions = actions == null ? Set.of() : Set.copyOf(actions);
    classes = classes == null ? Set.of() : Set.copyOf(classes);
  }

  public Delegation by(PatientId patient) {
    return new Delegation(patient, delegate, actions, classes, period);
  }
}
