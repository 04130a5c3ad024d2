package org.medledger.pki;

import java.math.BigInteger;
import java.time.Instant;

/** The CA's record of a certificate it issued and, once revoked, when and why. */
public record IssuedCertificate(
    String serial,
    String name,
    Role role,
    Instant notBefore,
    Instant notAfter,
    String certificatePem,
    Instant revokedAt,
    RevocationReason revocationReason) {

  public static String serialHex(BigInteger serial) {
    return serial.toString(16);
  }

  public BigInteger serialNumber() {
    return new BigInteger(serial, 16);
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  IssuedCertificate revoke(Instant at, RevocationReason reason) {
    return new IssuedCertificate(serial, name, role, notBefore, notAfter, certificatePem, at, reason);
  }

  Revocation revocation() {
    return new Revocation(serialNumber(), revokedAt, revocationReason);
  }
}
