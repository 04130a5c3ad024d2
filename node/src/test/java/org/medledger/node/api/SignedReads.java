package org.medledger.node.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.medledger.crypto.SignatureScheme;
import org.medledger.node.TestNetwork.Member;

/** GETs of a node's API at https://localhost:port, signed as a member or carrying any header a test makes. */
final class SignedReads {
  private final HttpClient http;
  private final URI base;
  private final String chainId;

  SignedReads(int port, SSLContext tls, String chainId) {
    this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.base = URI.create("https://localhost:" + port);
    this.chainId = chainId;
  }

  /** A GET signed now by the member for this chain. */
  HttpResponse<String> get(String pathAndQuery, Member as) {
    return get(pathAndQuery, header(as, chainId, pathAndQuery, Instant.now()));
  }

  /** A GET with this {@value RequestSignature#HEADER} header (none if null). */
  HttpResponse<String> get(String pathAndQuery, String signatureHeader) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30))
        .GET();
    if (signatureHeader != null) {
      request.header(RequestSignature.HEADER, signatureHeader);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The header a member makes for a GET of this path on this chain at this time. */
  static String header(Member as, String chainId, String pathAndQuery, Instant at) {
    return RequestSignature.sign(SignatureScheme.ECDSA_P256_SHA256.signer(as.keys()), as.certificate(), chainId, "GET",
        pathAndQuery, at);
  }
}
