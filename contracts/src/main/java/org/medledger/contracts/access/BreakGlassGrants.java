package org.medledger.contracts.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.state.StateView;

/** Reads break-glass grants from the world state by key. */
public final class BreakGlassGrants {
  private BreakGlassGrants() {}

  public static Optional<BreakGlassRecord> grant(StateView state, String id) {
    return state.get(AccessKeys.grant(id)).map(AccessCodec::decodeGrant);
  }

  /** The ids in the patient's break-glass index, sorted. */
  public static List<String> ids(StateView state, PatientId patient) {
    return state.get(AccessKeys.grants(patient)).map(IdListCodec::decode).orElse(List.of());
  }

  /** The grants in the patient's index (those unexpired when the last was added, and any added since). */
  public static List<BreakGlassRecord> of(StateView state, PatientId patient) {
    List<BreakGlassRecord> grants = new ArrayList<>();
    for (String id : ids(state, patient)) {
      grants.add(grant(state, id).orElseThrow(() ->
          new IllegalStateException("break-glass grant " + id + " is indexed but not on chain")));
    }
    return grants;
  }

  /** The grant of {@code requester} for {@code patient} that expires last, if any ({@link AccessKeys#grantInForce}). */
  public static Optional<BreakGlassRecord> inForce(StateView state, Party.Person requester, PatientId patient) {
    return state.get(AccessKeys.grantInForce(patient, requester)).map(AccessCodec::decodeGrant);
  }

  /** The ids of grants waiting for an auditor's review, sorted. */
  public static List<String> openReviews(StateView state) {
    return state.get(AccessKeys.openReviews()).map(IdListCodec::decode).orElse(List.of());
  }
}
