package org.medledger.ledger.genesis;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;

/**
 * The genesis of a network: the chain id, the consortium's organisations with their CA and
 * registrar certificates, and the validators with their signing and TLS certificates. Everyone
 * who verifies the chain holds it; block 0 is derived from it.
 */
public record Genesis(
    int format, String chainId, Instant createdAt, List<Organisation> organisations, List<Validator> validators) {

  public static final int FORMAT = 1;

  /** A consortium member, its certificate authority and its first registrar. */
  public record Organisation(String id, String caCertificate, String registrarCertificate) {
    public X509Certificate authority() {
      return Pem.certificate(caCertificate);
    }

    public X509Certificate registrar() {
      return Pem.certificate(registrarCertificate);
    }
  }

  /** A validator node: its identity certificate (signs blocks) and its TLS certificate. */
  public record Validator(String id, String organisation, String certificate, String tlsCertificate) {
    public X509Certificate identity() {
      return Pem.certificate(certificate);
    }
  }

  public Genesis {
    organisations = List.copyOf(organisations);
    validators = List.copyOf(validators);
    if (format != FORMAT) {
      throw new IllegalArgumentException("genesis format " + format + " is not supported (this version reads " + FORMAT + ")");
    }
  }

  public List<X509Certificate> authorities() {
    return organisations.stream().map(Organisation::authority).toList();
  }

  public Organisation organisation(OrganisationId id) {
    return organisations.stream()
        .filter(o -> o.id().equals(id.value()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown organisation '" + id + "' (this network has: "
            + String.join(", ", organisations.stream().map(Organisation::id).toList()) + ")"));
  }
}
