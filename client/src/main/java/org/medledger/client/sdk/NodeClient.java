package org.medledger.client.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.api.RequestSignature;
import org.medledger.pki.OrganisationId;

/**
 * Talks to one node's HTTPS API, trusting only the network's organisation CAs (the genesis file's),
 * with host name verification. Receipts come back decoded so that callers can verify them offline.
 */
public final class NodeClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final HttpClient http;

  public NodeClient(URI base, List<X509Certificate> trustedAuthorities) {
    this.base = base;
    this.http = HttpClient.newBuilder()
        .sslContext(sslContext(trustedAuthorities))
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public URI base() {
    return base;
  }

  /** The node's status document ({@code chainId}, {@code height}, …). */
  public JsonNode status() {
    return json(send(HttpRequest.newBuilder(base.resolve("/v1/status")).GET().timeout(Duration.ofSeconds(10)).build()));
  }

  /** A block as the node serves it ({@code hash}, {@code previousHash}, {@code transactions}, {@code seals}, …). */
  public JsonNode block(long height) {
    return json(send(HttpRequest.newBuilder(base.resolve("/v1/blocks/" + height)).GET()
        .timeout(Duration.ofSeconds(10)).build()));
  }

  /**
   * An identity as the registry on chain has it ({@code role}, {@code attributes},
   * {@code certificates}, {@code status}, …); a {@link NodeException} with status 404 if unknown.
   */
  public JsonNode identity(String organisation, String name) {
    return json(send(HttpRequest.newBuilder(base.resolve("/v1/identities/" + segment(organisation) + "/"
        + segment(name))).GET().timeout(Duration.ofSeconds(10)).build()));
  }

  /**
   * The patient's consents, in id order, signed as {@code as} (the patient, a delegate or an
   * auditor): the array {@code consents} of {@code GET /v1/patients/{org}/{name}/consents}, each
   * {@code {"id", "status": "active"|"inactive", "inForce", "period": {"start", "end"},
   * "provision", "fhirSha256", "grantedHeight", "grantedBy", "revokedHeight", "revokedAt",
   * "revokedBy"}}; a provision is {@code {"type": "permit"|"deny", "period", "actors", "actions",
   * "purposes", "classes", "labels", "provisions": [provision…]}}.
   */
  public JsonNode consents(PatientId patient, RequestSigner as) {
    return array(signedGet(patientPath(patient) + "/consents", as), "consents");
  }

  /**
   * The patient's access decisions, newest first, at most {@code limit} (1..1000), signed as
   * {@code as} (the patient, a delegate or an auditor): the array {@code decisions} of {@code GET
   * /v1/patients/{org}/{name}/access-log}, each as {@link #decision}.
   */
  public JsonNode accessLog(PatientId patient, int limit, RequestSigner as) {
    return array(signedGet(patientPath(patient) + "/access-log?limit=" + limit, as), "decisions");
  }

  /**
   * The decisions on one requester's requests, newest first, at most {@code limit} (1..1000), signed
   * as {@code as} (that person or an auditor): the array {@code decisions} of {@code GET
   * /v1/actors/{org}/{name}/decisions}, each as {@link #decision}.
   */
  public JsonNode decisionsBy(OrganisationId organisation, String name, int limit, RequestSigner as) {
    return array(signedGet("/v1/actors/" + segment(organisation.value()) + "/" + segment(name)
        + "/decisions?limit=" + limit, as), "decisions");
  }

  /**
   * The break-glass grants waiting for an auditor's review, the oldest first (at most 100), signed
   * as an auditor: the array {@code reviews} of {@code GET /v1/break-glass/reviews}, each {@code
   * {"grant", "requester", "patient", "grantedAt", "expiresAt", "height", "reviewDue", "overdue",
   * "reasonSha256"}}.
   */
  public JsonNode openReviews(RequestSigner as) {
    return array(signedGet("/v1/break-glass/reviews", as), "reviews");
  }

  /**
   * One access decision by the id of its request transaction, signed as {@code as} (its requester,
   * the patient, a delegate or an auditor): {@code {"id", "height", "time", "requester", "role",
   * "patient", "action", "purpose", "dataClass", "labels", "custodian", "deidentified", "effect":
   * "permit"|"deny", "reason", "message", "obligations", "breakGlassGrant"}}.
   */
  public JsonNode decision(String id, RequestSigner as) {
    return signedGet("/v1/decisions/" + segment(id), as);
  }

  /**
   * The access policy in force (public): {@code {"source": "governed"|"default", "digest",
   * "breakGlassDuration", "reviewDeadline", "sensitiveLabels", "rules": [{"role", "purpose",
   * "basis", "classes", "actions"}]}}.
   */
  public JsonNode policy() {
    return json(send(HttpRequest.newBuilder(base.resolve("/v1/policy")).GET().timeout(Duration.ofSeconds(10))
        .build()));
  }

  /**
   * The latest governance proposals, newest first, at most {@code limit} (1..1000; public): the
   * array {@code proposals} of {@code GET /v1/governance/proposals}, each {@code {"id", "action",
   * "summary", "proposer", "proposedHeight", "expiresAt", "approvals", "status":
   * "open"|"executed"|"expired", "executedHeight"}}.
   */
  public JsonNode proposals(int limit) {
    return array(json(send(HttpRequest.newBuilder(base.resolve("/v1/governance/proposals?limit=" + limit)).GET()
        .timeout(Duration.ofSeconds(10)).build())), "proposals");
  }

  /** Submits a signed transaction and waits until it is committed. */
  public CommittedTransaction submit(SignedTransaction transaction) {
    return submit(transaction, "/v1/transactions");
  }

  /**
   * Submits a signed transaction and waits until its block is final: the receipt then carries the
   * seals of a quorum of validators and verifies offline.
   */
  public CommittedTransaction submitAndAwaitFinality(SignedTransaction transaction) {
    return submit(transaction, "/v1/transactions?wait=final");
  }

  private CommittedTransaction submit(SignedTransaction transaction, String path) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(transaction.encoded()))
        .timeout(COMMIT_TIMEOUT)
        .build();
    return committed(json(send(request)));
  }

  /** The receipt of a committed transaction, if the node knows it. */
  public Optional<CommittedTransaction> receipt(Digest transactionId) {
    try {
      return Optional.of(committed(json(send(HttpRequest.newBuilder(
          base.resolve("/v1/transactions/" + transactionId.hex())).GET().timeout(Duration.ofSeconds(10)).build()))));
    } catch (NodeException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private JsonNode signedGet(String pathAndQuery, RequestSigner as) {
    URI uri = base.resolve(pathAndQuery);
    return json(send(HttpRequest.newBuilder(uri).header(RequestSignature.HEADER, as.header("GET", uri)).GET()
        .timeout(Duration.ofSeconds(10)).build()));
  }

  /** The array a list answer carries in {@code field}. */
  private static JsonNode array(JsonNode body, String field) {
    JsonNode list = body.path(field);
    if (!list.isArray()) {
      throw new NodeException(200, "bad-response", "the node's answer holds no list '" + field + "'");
    }
    return list;
  }

  private static String patientPath(PatientId patient) {
    return "/v1/patients/" + segment(patient.organisation().value()) + "/" + segment(patient.name());
  }

  /** One path segment, percent-encoded (a space as %20). */
  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static CommittedTransaction committed(JsonNode body) {
    byte[] receipt = Base64.getDecoder().decode(body.path("receipt").asText());
    return new CommittedTransaction(LedgerCodec.decodeReceipt(receipt), body.path("final").asBoolean(false));
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new NodeException(0, NodeException.NOT_RUNNING, "no MedLedger node answers at " + base
          + " (connection refused)");
    } catch (SSLHandshakeException e) {
      throw new NodeException(0, NodeException.UNTRUSTED, "the server at " + base + " is not a node of this network"
          + " (its TLS certificate is not from this network's CAs, or does not name that host)");
    } catch (IOException e) {
      throw NodeException.unreachable(base.toString(), e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw NodeException.unreachable(base.toString(), "interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      JsonNode problem = parseOrEmpty(response.body());
      throw new NodeException(response.statusCode(), problem.path("code").asText("http-" + response.statusCode()),
          problem.path("detail").asText("the node answered HTTP " + response.statusCode()));
    }
    return response;
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    JsonNode node = parseOrEmpty(response.body());
    if (node.isMissingNode()) {
      throw new NodeException(response.statusCode(), "bad-response", "the node's answer is not JSON");
    }
    return node;
  }

  private static JsonNode parseOrEmpty(byte[] body) {
    try {
      return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static SSLContext sslContext(List<X509Certificate> authorities) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        trust.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS trust", e);
    }
  }
}
