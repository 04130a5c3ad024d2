package org.medledger.contracts.consent;

import java.util.List;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.state.StateView;

/**
 * A patient's consent inputs to the policy decision point, decoded: their consents (active or not,
 * in id order) and their delegations (current or past, in the order made). Immutable, so a copy
 * kept under the patient's {@link ConsentVersion} serves every decision at that version.
 */
public record PatientConsents(List<Consent> consents, List<Delegation> delegations) {
  public PatientConsents {
    consents = List.copyOf(consents);
    delegations = List.copyOf(delegations);
  }

  /** Reads them from {@code state}: the consent index, each consent, the delegation list. */
  public static PatientConsents read(StateView state, PatientId patient) {
    return new PatientConsents(
        Consents.of(state, patient).stream().map(ConsentRecord::consent).toList(),
        Consents.delegations(state, patient).stream().map(DelegationEntry::delegation).toList());
  }

  /** What keeping them costs, in entries: for bounding a cache. */
  public int weight() {
    return 1 + consents.size() + delegations.size();
  }
}
