package org.medledger.client.sdk;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.Signer;
import org.medledger.node.api.RequestSignature;

/**
 * Signs API reads as one member of one chain ({@link RequestSignature}): the node answers a read of
 * access-control records only to a signed request, and only if the certificate's identity on
 * chain may read them.
 *
 * @param signer the private key of {@code certificate}
 * @param certificate a certificate recorded on chain
 * @param chainId the chain the requests are for (the genesis file's)
 * @param clock the time put in each signature (nodes accept five minutes either way)
 */
public record RequestSigner(Signer signer, X509Certificate certificate, String chainId, Clock clock) {
  public RequestSigner {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(clock, "clock");
  }

  /** Signs on the system clock. */
  public RequestSigner(Signer signer, X509Certificate certificate, String chainId) {
    this(signer, certificate, chainId, Clock.systemUTC());
  }

  /** Signs with a wallet's key and certificate. */
  public static RequestSigner of(Wallet wallet, String chainId) {
    return new RequestSigner(wallet.signer(), wallet.certificate(), chainId);
  }

  /** The value of the {@value RequestSignature#HEADER} header for this request, signed now. */
  public String header(String method, URI uri) {
    String query = uri.getRawQuery();
    return RequestSignature.sign(signer, certificate, chainId, method, uri.getRawPath() + (query == null ? "" : "?"
        + query), clock.instant());
  }
}
