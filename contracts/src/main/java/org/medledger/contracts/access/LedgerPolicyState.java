package org.medledger.contracts.access;

import java.util.List;
import org.medledger.contracts.policy.BreakGlass;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PolicyState;
import org.medledger.contracts.policy.Relationship;
import org.medledger.ledger.state.StateView;

/**
 * The {@link PolicyState} of the world state as a transaction sees it (its block's earlier
 * transactions included: every read, the consent version's too, goes through {@code state}).
 * Everything is read by key, never by scanning, so a decision's reads do not depend on the size of
 * the chain:
 *
 * <ul>
 *   <li>consents and delegations: the patient's consent version, then, through the {@link
 *       PolicyStateCache}, the inputs decoded at that version (read afresh — the consent index,
 *       each consent, the delegation list — only when the version is not kept);
 *   <li>relationships: the patient's relationship list, decoded once per distinct value;
 *   <li>break-glass: the requester's grant in force for the patient ({@link
 *       AccessKeys#grantInForce}), the one that expires last: every grant starts at the block time
 *       of its declaration, so when it is not active no other grant of theirs is, and it is the
 *       one the decision point would choose.
 * </ul>
 *
 * Consents come in id order and delegations in the order made, the same on every node.
 */
public final class LedgerPolicyState implements PolicyState {
  private final StateView state;
  private final PolicyParameters parameters;
  private final PolicyStateCache cache;

  /** Over {@code state}, reading and decoding every input afresh for each decision. */
  public LedgerPolicyState(StateView state, PolicyParameters parameters) {
    this(state, parameters, PolicyStateCache.none());
  }

  /** Over {@code state}, keeping decoded inputs in {@code cache} between decisions. */
  public LedgerPolicyState(StateView state, PolicyParameters parameters, PolicyStateCache cache) {
    this.state = state;
    this.parameters = parameters;
    this.cache = cache;
  }

  @Override
  public List<Consent> consents(PatientId patient) {
    return cache.consents(state, patient).consents();
  }

  @Override
  public List<Relationship> relationships(PatientId patient) {
    return cache.relationships(state, patient);
  }

  @Override
  public List<Delegation> delegations(PatientId patient) {
    return cache.consents(state, patient).delegations();
  }

  @Override
  public List<BreakGlass> breakGlass(Party.Person requester, PatientId patient) {
    return BreakGlassGrants.inForce(state, requester, patient).map(grant -> List.of(grant.toPolicy()))
        .orElse(List.of());
  }

  @Override
  public PolicyParameters parameters() {
    return parameters;
  }
}
