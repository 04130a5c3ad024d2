package org.medledger.ledger.identity;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.pki.IdentityClaims;

/** A certificate recorded on chain: who it names, since which block, and its revocation if any. */
public record CertificateEntry(
    X509Certificate certificate, IdentityClaims claims, Digest fingerprint, long recordedHeight,
    Optional<OnChainRevocation> revocation) {

  /** A revocation committed on chain; it applies from its block's time onwards. */
  public record OnChainRevocation(Instant at, long height, String reason) {}

  /** A certificate recorded at a height, not revoked. */
  public static CertificateEntry recorded(X509Certificate certificate, IdentityClaims claims, long height) {
    return new CertificateEntry(certificate, claims, CertificateCodec.fingerprint(certificate), height, Optional.empty());
  }

  public CertificateEntry revoked(OnChainRevocation how) {
    return new CertificateEntry(certificate, claims, fingerprint, recordedHeight, Optional.of(how));
  }

  public boolean revokedAt(Instant time) {
    return revocation.isPresent() && !revocation.get().at().isAfter(time);
  }
}
