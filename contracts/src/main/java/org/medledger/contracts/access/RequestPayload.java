package org.medledger.contracts.access;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.medledger.contracts.policy.AccessRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.Requester;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.pki.OrganisationId;

/**
 * The payload of {@code access.request}: what is asked for. The requester is never in it: it is
 * the transaction's verified signer, and the time is the block's.
 */
public record RequestPayload(PatientId patient, Action action, PurposeOfUse purpose, DataClass dataClass,
    Set<SecurityLabel> labels, OrganisationId custodian, boolean deidentified) {

  public RequestPayload {
    if (patient == null || action == null || purpose == null || dataClass == null || custodian == null) {
      throw new IllegalArgumentException("an access request names patient, action, purpose, data class and custodian");
    }
    labels = labels == null ? Set.of() : Set.copyOf(labels);
  }

  public AccessRequest toRequest(Requester requester, Instant blockTime) {
    return new AccessRequest(requester, patient, action, purpose, dataClass, labels, custodian, blockTime,
        Optional.empty(), deidentified);
  }
}
