package org.medledger.ledger.identity;

import org.medledger.ledger.Digest;
import org.medledger.pki.OrganisationId;

/** Where the identity registry keeps things in the world state. */
public final class IdentityKeys {
  public static final String NAMESPACE = "identity";

  private IdentityKeys() {}

  /** An organisation's CA certificate (DER). */
  public static String authority(OrganisationId organisation) {
    return NAMESPACE + "/org/" + organisation.value();
  }

  /** A registered identity. */
  public static String identity(OrganisationId organisation, String name) {
    return NAMESPACE + "/id/" + organisation.value() + "/" + name;
  }

  /** A recorded certificate. */
  public static String certificate(Digest fingerprint) {
    return NAMESPACE + "/cert/" + fingerprint.hex();
  }
}
