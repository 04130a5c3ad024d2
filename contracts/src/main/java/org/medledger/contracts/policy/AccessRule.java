package org.medledger.contracts.policy;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * One cell of the policy matrix, for a role and a purpose: the data classes and actions allowed,
 * and the basis that must hold for the patient at hand.
 */
public record AccessRule(AccessBasis basis, Set<DataClass> classes, Set<Action> actions) {
  public AccessRule {
    Checks.required(basis, "an access rule's basis");
    classes = Checks.enumSet(classes, DataClass.class, "an access rule's data classes");
    actions = Checks.enumSet(actions, Action.class, "an access rule's actions");
    if (classes.isEmpty() || actions.isEmpty()) {
      throw new IllegalArgumentException(
          "an access rule needs at least one data class and one action (leave the cell out to deny)");
    }
  }

  public static AccessRule of(AccessBasis basis, Collection<DataClass> classes, Collection<Action> actions) {
    return new AccessRule(basis, new HashSet<>(classes), new HashSet<>(actions));
  }
}
