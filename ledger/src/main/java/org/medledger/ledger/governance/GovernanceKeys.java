package org.medledger.ledger.governance;

import org.medledger.ledger.Digest;

/** Where governance keeps things in the world state. */
public final class GovernanceKeys {
  public static final String NAMESPACE = "governance";

  /** The {@link ValidatorHistory}. */
  public static final String VALIDATORS = NAMESPACE + "/validators";

  private GovernanceKeys() {}

  /** A proposal, by the id of the transaction that made it. */
  public static String proposal(Digest id) {
    return NAMESPACE + "/proposal/" + id.hex();
  }
}
