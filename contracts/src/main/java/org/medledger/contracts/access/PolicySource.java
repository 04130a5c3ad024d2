package org.medledger.contracts.access;

import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.ledger.state.StateView;

/**
 * The policy in force as a transaction sees the world state. For now always {@link
 * PolicyParameters#defaults()}; a later change reads it from the state, where governance puts it.
 */
@FunctionalInterface
public interface PolicySource {
  PolicyParameters at(StateView state);

  static PolicySource defaults() {
    PolicyParameters defaults = PolicyParameters.defaults();
    return state -> defaults;
  }
}
