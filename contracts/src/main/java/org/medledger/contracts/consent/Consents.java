package org.medledger.contracts.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.state.StateView;

/** Reads a patient's consents and delegations from the world state by key: no scans. */
public final class Consents {
  private Consents() {}

  /** The consent, decoded once per distinct stored record through {@link ConsentRecordCache#shared()}. */
  public static Optional<ConsentRecord> consent(StateView state, String id) {
    return state.get(ConsentKeys.consent(id)).map(ConsentRecordCache.shared()::decode);
  }

  /** The ids of the patient's consents, sorted. */
  public static List<String> ids(StateView state, PatientId patient) {
    return state.get(ConsentKeys.index(patient)).map(IdListCodec::decode).orElse(List.of());
  }

  /** The patient's consents, active or not, in id order: one read for the index and one per consent. */
  public static List<ConsentRecord> of(StateView state, PatientId patient) {
    List<ConsentRecord> consents = new ArrayList<>();
    for (String id : ids(state, patient)) {
      consents.add(consent(state, id).orElseThrow(() ->
          new IllegalStateException("consent " + id + " is indexed but not on chain")));
    }
    return consents;
  }

  /** The patient's delegations, current or past, in the order made. */
  public static List<DelegationEntry> delegations(StateView state, PatientId patient) {
    return state.get(ConsentKeys.delegations(patient))
        .map(bytes -> ConsentCodec.decodeDelegations(bytes, patient))
        .orElse(List.of());
  }
}
