package org.medledger.contracts.access;

import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.governance.GovernanceAction;
import org.medledger.ledger.governance.GovernedParameter;

/**
 * The governed parameter {@value #NAME}: the policy in force, as the canonical encoding of
 * {@link PolicyParameters} ({@link PolicyParametersCodec}). Absent from the state until governance
 * first sets it; until then {@link PolicyParameters#defaults()} is in force.
 */
public final class PolicyParameter implements GovernedParameter {
  public static final String NAME = "policy";

  public static final PolicyParameter INSTANCE = new PolicyParameter();

  private PolicyParameter() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void check(byte[] value) {
    try {
      PolicyParametersCodec.decode(value);
    } catch (MalformedEncodingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The governance action that puts {@code policy} in force. */
  public static GovernanceAction.SetParameter set(PolicyParameters policy) {
    return new GovernanceAction.SetParameter(NAME, PolicyParametersCodec.encode(policy));
  }
}
