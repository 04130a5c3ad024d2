package org.medledger.contracts.consent;

import java.util.Set;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Provision;

/**
 * Whether a delegate may grant a consent: every permit provision in it (at any depth) must stay
 * within the delegation's scope, naming only actions and data classes the delegation covers (a
 * provision naming none means "all", so only an unrestricted delegation covers it). Deny provisions
 * only narrow access and are always within scope.
 */
final class DelegationScope {
  private DelegationScope() {}

  static boolean covers(Delegation delegation, Provision provision) {
    if (provision.type() == Provision.Type.PERMIT
        && !(within(provision.actions(), delegation.actions()) && within(provision.classes(), delegation.classes()))) {
      return false;
    }
    for (Provision nested : provision.provisions()) {
      if (!covers(delegation, nested)) {
        return false;
      }
    }
    return true;
  }

  private static <E> boolean within(Set<E> named, Set<E> scope) {
    return scope.isEmpty() || (!named.isEmpty() && scope.containsAll(named));
  }
}
