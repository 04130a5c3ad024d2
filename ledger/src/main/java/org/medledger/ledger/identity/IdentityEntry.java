package org.medledger.ledger.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.CertificateEntry.OnChainRevocation;
import org.medledger.pki.IdentityClaims;

/**
 * An identity registered on chain by its organisation's registrar: who it is, since which block,
 * the certificates recorded for it, its revocation if any, and its suspension if any.
 */
public record IdentityEntry(IdentityClaims claims, long registeredHeight, List<Digest> certificates,
    Optional<OnChainRevocation> revocation, Optional<CertificateEntry.Suspension> suspension) {

  public IdentityEntry {
    certificates = List.copyOf(certificates);
  }

  public static IdentityEntry registered(IdentityClaims claims, long height) {
    return new IdentityEntry(claims, height, List.of(), Optional.empty(), Optional.empty());
  }

  public IdentityEntry withCertificate(Digest fingerprint) {
    List<Digest> next = new ArrayList<>(certificates);
    next.add(fingerprint);
    return new IdentityEntry(claims, registeredHeight, next, revocation, suspension);
  }

  public IdentityEntry revoked(OnChainRevocation how) {
    return new IdentityEntry(claims, registeredHeight, certificates, Optional.of(how), suspension);
  }

  /** This identity suspended (empty: reinstated). */
  public IdentityEntry withSuspension(Optional<CertificateEntry.Suspension> next) {
    return new IdentityEntry(claims, registeredHeight, certificates, revocation, next);
  }

  /** Whether a certificate with these claims may be recorded for this identity. */
  public boolean matches(IdentityClaims certified) {
    return claims.equals(certified);
  }
}
