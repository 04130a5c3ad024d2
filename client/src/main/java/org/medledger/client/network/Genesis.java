package org.medledger.client.network;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;

/**
 * The genesis file: the chain id, the consortium's organisations with their CA certificates, and
 * the validators with their signing and TLS certificates. Everyone who verifies the chain holds it.
 */
public record Genesis(
    int format, String chainId, Instant createdAt, List<Organisation> organisations, List<Validator> validators) {

  public static final int FORMAT = 1;

  /** A consortium member and its certificate authority. */
  public record Organisation(String id, String caCertificate) {
    public X509Certificate authority() {
      return Pem.certificate(caCertificate);
    }
  }

  /** A validator node: its identity certificate (signs blocks) and its TLS certificate. */
  public record Validator(String id, String organisation, String certificate, String tlsCertificate) {}

  public Genesis {
    organisations = List.copyOf(organisations);
    validators = List.copyOf(validators);
  }

  public List<X509Certificate> authorities() {
    return organisations.stream().map(Organisation::authority).toList();
  }

  public Organisation organisation(OrganisationId id) {
    return organisations.stream()
        .filter(o -> o.id().equals(id.value()))
        .findFirst()
        .orElseThrow(() -> new NetworkFileException("unknown organisation '" + id + "' (this network has: "
            + String.join(", ", organisations.stream().map(Organisation::id).toList()) + ")"));
  }

  public static Genesis parse(String json) {
    Genesis genesis = Json.read(json, Genesis.class, "genesis.json");
    if (genesis.format() != FORMAT) {
      throw new NetworkFileException("genesis.json has format " + genesis.format() + "; this version reads " + FORMAT);
    }
    return genesis;
  }
}
