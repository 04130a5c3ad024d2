package org.medledger.ledger.governance;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Text;

/**
 * A validator of a set: its id (the name its signing certificate carries), its organisation, its
 * signing certificate (seals are checked with its key), its TLS certificate, and the HOST:PORT its
 * peers reach it on — empty for the genesis validators, whose addresses are in each node's
 * configuration.
 */
public record ValidatorInfo(
    String id, String organisation, X509Certificate certificate, X509Certificate tlsCertificate, String address) {

  /** Host name or IPv4 address, and a port written without leading zeros: one spelling per port. */
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.-]{1,253}:[1-9][0-9]{0,4}");

  public ValidatorInfo {
    Text.requireWellFormed(id, "the validator id");
    Text.requireWellFormed(organisation, "the organisation");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(tlsCertificate, "tlsCertificate");
    Objects.requireNonNull(address, "address");
    if (!address.isEmpty() && !isAddress(address)) {
      throw new IllegalArgumentException("'" + address + "' is not HOST:PORT");
    }
  }

  /** Whether this is a HOST:PORT a peer can be reached on (port 1–65535). */
  public static boolean isAddress(String address) {
    if (!ADDRESS.matcher(address).matches()) {
      return false;
    }
    int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    return port >= 1 && port <= 65_535;
  }

  /** Whether this validator is reached at that address: host names are case-insensitive. */
  public boolean isAt(String otherAddress) {
    return !address.isEmpty() && address.equalsIgnoreCase(otherAddress);
  }

  /** Checks seals with the key of the signing certificate. */
  public Verifier verifier() {
    return SignatureScheme.of(certificate.getPublicKey()).verifier(certificate.getPublicKey());
  }
}
