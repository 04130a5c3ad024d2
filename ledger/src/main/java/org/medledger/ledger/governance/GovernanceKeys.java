package org.medledger.ledger.governance;

import java.util.Locale;
import org.medledger.ledger.Digest;

/** Where governance keeps things in the world state. */
public final class GovernanceKeys {
  public static final String NAMESPACE = "governance";

  /** The {@link ValidatorHistory}. */
  public static final String VALIDATORS = NAMESPACE + "/validators";

  /**
   * The index of proposals in the order made: at this key the number of proposals, at {@link
   * #proposalAt(long)} the id of each. Absent until the first proposal (the genesis makes none).
   */
  public static final String PROPOSALS = NAMESPACE + "/proposals";

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

  /** The id of the {@code n}-th proposal made (from 0); zero-padded so that the keys sort in order. */
  public static String proposalAt(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a proposal's position is not negative: " + n);
    }
    return PROPOSALS + "/" + String.format(Locale.ROOT, "%012d", n);
  }
}
