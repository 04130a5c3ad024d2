package org.medledger.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.tx.SignedTransaction;

/** A test client of a node's HTTPS API at https://localhost:port. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI base;
  private final SSLContext tls;

  public ApiClient(int port, SSLContext tls) {
    this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.base = URI.create("https://localhost:" + port);
    this.tls = tls;
  }

  public HttpResponse<String> submit(SignedTransaction transaction) {
    return post(transaction.encoded(), "application/octet-stream");
  }

  /** Submits and waits until the transaction's block is final: the receipt carries a quorum of seals. */
  public HttpResponse<String> submitFinal(SignedTransaction transaction) {
    return send(request("/v1/transactions?wait=final", transaction.encoded(), "application/octet-stream"));
  }

  public CompletableFuture<HttpResponse<String>> submitAsync(SignedTransaction transaction) {
    return http.sendAsync(postRequest(transaction.encoded(), "application/octet-stream"),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(byte[] body, String contentType) {
    return send(postRequest(body, contentType));
  }

  public HttpResponse<String> post(String path, byte[] body, String contentType) {
    return send(request(path, body, contentType));
  }

  /**
   * Sends a request head alone over TLS (no body follows) and returns the status line of the
   * answer; for requests the JDK client cannot make, e.g. {@code Expect: 100-continue} with a
   * body the server refuses.
   */
  public String statusLineForHead(String head) {
    try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(base.getHost(), base.getPort())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  private HttpRequest postRequest(byte[] body, String contentType) {
    return request("/v1/transactions", body, contentType);
  }

  private HttpRequest request(String path, byte[] body, String contentType) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** The canonical receipt carried in a receipt JSON body. */
  public static Receipt receipt(HttpResponse<String> response) {
    return LedgerCodec.decodeReceipt(Base64.getDecoder().decode(json(response).get("receipt").asText()));
  }
}
