package org.medledger.contracts.access;

import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.Digest;

/**
 * The payload of {@code access.break-glass}: the patient, and the SHA-256 of the written reason.
 * The reason itself may contain PHI (a diagnosis, a situation): it stays with the requester's
 * organisation, which can later show it to the reviewing auditor, who checks it against this hash.
 */
public record BreakGlassDeclaration(PatientId patient, Digest reasonSha256) {
  /** The SHA-256 of no reason at all (an empty text): refused as {@code break-glass-reason-required}. */
  public static final Digest NO_REASON = Digest.sha256(new byte[0]);
}
