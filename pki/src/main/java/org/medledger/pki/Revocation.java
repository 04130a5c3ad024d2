package org.medledger.pki;

import java.math.BigInteger;
import java.time.Instant;

/** One revoked certificate, as listed in a CRL or recorded by the registrar. */
public record Revocation(BigInteger serial, Instant revokedAt, RevocationReason reason) {}
