package org.medledger.contracts.policy;

import java.time.Instant;
import java.util.Set;

/**
 * A patient's delegate (guardian, proxy): a person who may act for the patient, within a scope of
 * actions and data classes (an empty set means "any"), for a period.
 */
public record Delegation(PatientId patient, Party.Person delegate, Set<Action> actions, Set<DataClass> classes,
    Period period) {

  public Delegation {
    Checks.required(patient, "the delegating patient");
    Checks.required(delegate, "the delegate");
    if (delegate.equals(patient.asPerson())) {
      throw new IllegalArgumentException("a patient cannot be their own delegate: " + patient);
    }
    actions = Checks.enumSet(actions, Action.class, "the delegation's actions");
    classes = Checks.enumSet(classes, DataClass.class, "the delegation's data classes");
    Checks.required(period, "the delegation's period");
  }

  public boolean isActiveAt(Instant time) {
    return period.contains(time);
  }

  /** True if the delegation covers this action on this class (its period aside). */
  public boolean covers(Action action, DataClass dataClass) {
    return (actions.isEmpty() || actions.contains(action)) && (classes.isEmpty() || classes.contains(dataClass));
  }
}
