package org.medledger.contracts.consent;

import java.time.Instant;
import java.util.Optional;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Party;
import org.medledger.ledger.Digest;

/**
 * A consent as kept on chain: the consent, the SHA-256 of its FHIR resource if one was given, who
 * granted it (the patient or a delegate) at which height, and its revocation if any. A revoked
 * consent is {@link Consent.Status#INACTIVE} from the revoking transaction on.
 */
public record ConsentRecord(Consent consent, Optional<Digest> fhirSha256, long grantedHeight, Party.Person grantedBy,
    Optional<Revocation> revocation) {

  /** Who revoked the consent, in which block, at which block time. */
  public record Revocation(long height, Instant at, Party.Person by) {}

  public ConsentRecord {
    if (revocation.isPresent() != (consent.status() == Consent.Status.INACTIVE)) {
      throw new IllegalArgumentException("a consent is inactive exactly when it is revoked");
    }
  }

  public ConsentRecord revoked(Revocation how) {
    return new ConsentRecord(consent.revoked(), fhirSha256, grantedHeight, grantedBy, Optional.of(how));
  }
}
