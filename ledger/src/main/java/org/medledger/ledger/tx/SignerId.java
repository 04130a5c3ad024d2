package org.medledger.ledger.tx;

import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;

/** Who signed a transaction: a name within an organisation. */
public record SignerId(OrganisationId organisation, String name) {
  public SignerId {
    if (organisation == null) {
      throw new IllegalArgumentException("signer organisation is required");
    }
    IdentityClaims.requireValidName(name);
  }

  @Override
  public String toString() {
    return name + "@" + organisation;
  }
}
