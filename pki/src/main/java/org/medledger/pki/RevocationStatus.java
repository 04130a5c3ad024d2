package org.medledger.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where revocations come from: the registrar's records, a CRL, or (from the ledger on) the chain.
 * Implementations return the revocation of a certificate, if any, whatever its date; the
 * validator decides whether it was already in force.
 */
@FunctionalInterface
public interface RevocationStatus {
  RevocationStatus NONE = (certificate) -> Optional.empty();

  Optional<Revocation> revocationOf(X509Certificate certificate);
}
