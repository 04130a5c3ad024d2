package org.medledger.ledger.governance;

import org.medledger.ledger.Digest;

/** Where governance keeps things in the world state. */
public final class GovernanceKeys {
  public static final String NAMESPACE = "governance";

  /** The {@link ValidatorHistory}. */
  public static final String VALIDATORS = NAMESPACE + "/validators";

  /** The longest name of a governed parameter. */
  public static final int MAX_PARAMETER_NAME = 64;

  private GovernanceKeys() {}

  /** The value of a governed parameter, as the last {@link GovernanceAction.SetParameter} set it. */
  public static String parameter(String name) {
    return NAMESPACE + "/parameter/" + name;
  }

  /** A proposal, by the id of the transaction that made it. */
  public static String proposal(Digest id) {
    return NAMESPACE + "/proposal/" + id.hex();
  }
}
