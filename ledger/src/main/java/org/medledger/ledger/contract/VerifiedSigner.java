package org.medledger.ledger.contract;

import java.security.cert.X509Certificate;
import org.medledger.ledger.Digest;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The signer of a transaction as the chain knows it: claims read from a certificate recorded on
 * chain, whose signature, validity and revocation status were checked at block time.
 */
public record VerifiedSigner(IdentityClaims claims, X509Certificate certificate, Digest fingerprint) {
  public Role role() {
    return claims.role();
  }

  public OrganisationId organisation() {
    return claims.organisation();
  }

  public String name() {
    return claims.name();
  }
}
