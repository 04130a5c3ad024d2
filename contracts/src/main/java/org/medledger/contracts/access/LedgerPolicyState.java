package org.medledger.contracts.access;

import java.util.ArrayList;
import java.util.List;
import org.medledger.contracts.consent.ConsentRecord;
import org.medledger.contracts.consent.Consents;
import org.medledger.contracts.consent.DelegationEntry;
import org.medledger.contracts.policy.BreakGlass;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PolicyState;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.contracts.relationship.RelationshipEntry;
import org.medledger.ledger.state.StateView;

/**
 * The {@link PolicyState} of the world state as a transaction sees it (its block's earlier
 * transactions included). Every list is read by key — a patient's consent index and each consent
 * in it, the patient's relationships, delegations and break-glass index — never by scanning, so a
 * decision's reads depend on the patient's entries, not on the size of the chain. Lists come in
 * key order, the same on every node.
 */
public final class LedgerPolicyState implements PolicyState {
  private final StateView state;
  private final PolicyParameters parameters;

  public LedgerPolicyState(StateView state, PolicyParameters parameters) {
    this.state = state;
    this.parameters = parameters;
  }

  @Override
  public List<Consent> consents(PatientId patient) {
    return Consents.of(state, patient).stream().map(ConsentRecord::consent).toList();
  }

  @Override
  public List<Relationship> relationships(PatientId patient) {
    return RelationshipContract.relationships(state, patient).stream().map(RelationshipEntry::relationship).toList();
  }

  @Override
  public List<Delegation> delegations(PatientId patient) {
    return Consents.delegations(state, patient).stream().map(DelegationEntry::delegation).toList();
  }

  @Override
  public List<BreakGlass> breakGlass(Party.Person requester, PatientId patient) {
    List<BreakGlass> grants = new ArrayList<>();
    for (BreakGlassRecord grant : BreakGlassGrants.of(state, patient)) {
      if (grant.requester().equals(requester)) {
        grants.add(grant.toPolicy());
      }
    }
    return grants;
  }

  @Override
  public PolicyParameters parameters() {
    return parameters;
  }
}
