package org.medledger.ledger.identity;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.pki.IdentityClaims;

/**
 * A certificate recorded on chain: who it names, since which block, its revocation if any, and
 * whether its identity is suspended (then it may not sign until the identity is reinstated).
 */
public record CertificateEntry(
    X509Certificate certificate, IdentityClaims claims, Digest fingerprint, long recordedHeight,
    Optional<OnChainRevocation> revocation, Optional<Suspension> suspension) {

  /** A revocation committed on chain; it applies from its block's time onwards. */
  public record OnChainRevocation(Instant at, long height, String reason) {}

  /** A suspension committed on chain at a height, for a reason; lifted by reinstating the identity. */
  public record Suspension(long height, String reason) {}

  /** Not suspended. */
  public CertificateEntry(X509Certificate certificate, IdentityClaims claims, Digest fingerprint, long recordedHeight,
      Optional<OnChainRevocation> revocation) {
    this(certificate, claims, fingerprint, recordedHeight, revocation, Optional.empty());
  }

  /** A certificate recorded at a height, not revoked. */
  public static CertificateEntry recorded(X509Certificate certificate, IdentityClaims claims, long height) {
    return new CertificateEntry(certificate, claims, CertificateCodec.fingerprint(certificate), height, Optional.empty());
  }

  public CertificateEntry revoked(OnChainRevocation how) {
    return new CertificateEntry(certificate, claims, fingerprint, recordedHeight, Optional.of(how), suspension);
  }

  /** This certificate with its identity suspended (empty: reinstated). */
  public CertificateEntry withSuspension(Optional<Suspension> next) {
    return new CertificateEntry(certificate, claims, fingerprint, recordedHeight, revocation, next);
  }

  public boolean revokedAt(Instant time) {
    return revocation.isPresent() && !revocation.get().at().isAfter(time);
  }
}
