package org.medledger.pki;

import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An identity registered by a registrar. Until enrollment it holds the hash of its one-time
 * secret and when that secret expires.
 */
public record Registration(
    String name,
    Role role,
    SortedMap<String, String> attributes,
    Status status,
    Instant registeredAt,
    String secretHash,
    Instant secretExpiresAt) {

  /** Where an identity is in its life. */
  public enum Status {
    /** Registered; the enrollment secret has not been used yet. */
    PENDING,
    /** The secret was used and a certificate issued. */
    ENROLLED,
    /** Revoked: it holds no valid certificate and cannot enroll again. */
    REVOKED
  }

  public Registration {
    attributes = new TreeMap<>(attributes == null ? new TreeMap<>() : attributes);
  }

  Registration withStatus(Status next) {
    return new Registration(name, role, attributes, next, registeredAt, secretHash, secretExpiresAt);
  }

  public IdentityClaims claims(OrganisationId organisation) {
    return new IdentityClaims(name, role, organisation, attributes);
  }
}
