package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.ReceiptVerifier;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.node.ApiClient;
import org.medledger.node.EchoContract;
import org.medledger.node.RunningNode;
import org.medledger.node.TestNetwork;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/** {@code POST /v1/transactions} and {@code GET /v1/transactions/{id}} on a running node. */
@Timeout(120)
class TransactionsApiTest {
  @TempDir Path dir;

  private RunningNode node;
  private ApiClient api;
  private TestNetwork network;
  private TestNetwork.Member registrar;

  @BeforeEach
  void startNode() {
    node = RunningNode.start(dir);
    api = node.api();
    network = node.network();
    registrar = network.registrar(TestNetwork.ORG);
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private TestNetwork.Member enrolled(String name, Role role) {
    TestNetwork.Member member = network.issue(TestNetwork.ORG, name, role);
    HttpResponse<String> recorded = api.submit(node.sign(registrar, IdentityContract.RECORD, member.der()));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    return member;
  }

  private long height() {
    return ApiClient.json(api.get("/v1/status")).get("height").asLong();
  }

  private static JsonNode problem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = ApiClient.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("type").asText()).isEqualTo("urn:medledger:problem:" + code);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  @Test
  void aRegistrarRecordsACertificateAndGetsAFinalReceiptThatVerifiesAgainstTheGenesis() {
    TestNetwork.Member alice = network.issue(TestNetwork.ORG, "alice", Role.PHYSICIAN);
    SignedTransaction record = node.sign(registrar, IdentityContract.RECORD, alice.der());

    HttpResponse<String> response = api.submitFinal(record);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("transactionId").asText()).isEqualTo(record.id().hex());
    assertThat(body.get("height").asLong()).isEqualTo(1);
    assertThat(body.get("index").asLong()).isZero();
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("code").asText()).isEqualTo("ok");
    assertThat(body.get("final").asBoolean()).isTrue();
    assertThat(body.get("events").get(0).get("name").asText()).isEqualTo("certificate.recorded");
    assertThat(body.get("events").get(0).get("attributes").get("name").asText()).isEqualTo("alice");
    Receipt receipt = ApiClient.receipt(response);
    assertThat(receipt.transaction()).isEqualTo(record);
    ReceiptVerifier.Outcome outcome = new ReceiptVerifier(network.genesis()).verify(receipt);
    assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    // the same receipt is served later by id
    HttpResponse<String> later = api.get("/v1/transactions/" + record.id().hex());
    assertThat(later.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(later)).isEqualTo(body);
    assertThat(api.get("/v1/transactions/" + record.id().hex().toUpperCase()).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownWaitModeIsRefusedWith400AndNothingIsSubmitted() {
    TestNetwork.Member alice = network.issue(TestNetwork.ORG, "alice", Role.PHYSICIAN);
    SignedTransaction record = node.sign(registrar, IdentityContract.RECORD, alice.der());
    HttpResponse<String> response = api.post("/v1/transactions?wait=forever", record.encoded(),
        "application/octet-stream");
    problem(response, 400, "bad-parameter");
    assertThat(node.node().chain().locate(record.id())).isEmpty();
  }

  @Test
  void aRecordedPersonTransacts() {
    TestNetwork.Member alice = enrolled("alice", Role.PATIENT);
    SignedTransaction echo = node.sign(alice, EchoContract.ECHO, new byte[] {7, 7});

    HttpResponse<String> response = api.submitFinal(echo);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("events").get(0).get("name").asText()).isEqualTo("echoed");
    assertThat(body.get("events").get(0).get("attributes").get("bytes").asText()).isEqualTo("2");
    assertThat(node.node().chain().state().get(EchoContract.key(echo.id()))).isPresent();
    assertThat(new ReceiptVerifier(network.genesis()).verify(ApiClient.receipt(response)).valid()).isTrue();
  }

  @Test
  void aTransactionCommittedWithAFailedResultIsStill200AndOnChain() {
    TestNetwork.Member alice = enrolled("alice", Role.NURSE);
    SignedTransaction refused = node.sign(alice, EchoContract.FAIL, new byte[] {1});

    HttpResponse<String> response = api.submitFinal(refused);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("code").asText()).isEqualTo("test-refused");
    assertThat(body.get("message").asText()).contains("on purpose");
    assertThat(body.get("events")).isEmpty();
    assertThat(api.get("/v1/transactions/" + refused.id().hex()).statusCode()).isEqualTo(200);
    assertThat(new ReceiptVerifier(network.genesis()).verify(ApiClient.receipt(response)).valid()).isTrue();
  }

  @Test
  void aRevokedPersonsNextTransactionIsRefusedWith403CertificateRevoked() {
    TestNetwork.Member alice = enrolled("alice", Role.PHYSICIAN);
    assertThat(api.submit(node.sign(alice, EchoContract.ECHO, new byte[] {1})).statusCode()).isEqualTo(200);
    HttpResponse<String> revoked = api.submit(node.sign(registrar, IdentityContract.REVOKE,
        IdentityContract.revokePayload(alice.fingerprint(), RevocationReason.KEY_COMPROMISE)));
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(ApiClient.json(revoked).get("events").get(0).get("name").asText()).isEqualTo("certificate.revoked");
    long height = height();

    HttpResponse<String> refused = api.submit(node.sign(alice, EchoContract.ECHO, new byte[] {2}));

    problem(refused, 403, "certificate-revoked");
    assertThat(height()).isEqualTo(height);
  }

  @Test
  void aReplayIsRefusedWith409() {
    SignedTransaction record = node.sign(registrar, IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "bob", Role.NURSE).der());
    assertThat(api.submit(record).statusCode()).isEqualTo(200);
    long height = height();

    problem(api.submit(record), 409, "replay");
    assertThat(height()).isEqualTo(height);
  }

  @Test
  void garbageIsRefusedWith400MalformedTransaction() {
    problem(api.post("not a transaction".getBytes(), "application/octet-stream"), 400, "malformed-transaction");
    problem(api.post(new byte[0], "application/octet-stream"), 400, "malformed-transaction");
    assertThat(height()).isZero();
  }

  @Test
  void aTransactionForAnotherChainIsRefusedWith400() {
    SignedTransaction foreign = registrar.signer("medledger-elsewhere").sign(IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "carol", Role.NURSE).der());

    JsonNode problem = problem(api.submit(foreign), 400, "wrong-chain");
    assertThat(problem.get("detail").asText()).contains("medledger-elsewhere");
  }

  @Test
  void anUnknownTypeOrAMalformedPayloadIsRefusedWith400() {
    problem(api.submit(node.sign(registrar, TransactionType.of("records.nothing.here"), new byte[] {1})), 400,
        "unknown-type");
    problem(api.submit(node.sign(registrar, IdentityContract.RECORD, new byte[] {1, 2, 3})), 400,
        "malformed-payload");
  }

  @Test
  void aSignerWhoseCertificateIsNotOnChainIsRefusedWith403() {
    TestNetwork.Member stranger = network.issue(TestNetwork.ORG, "stranger", Role.PATIENT);

    problem(api.submit(node.sign(stranger, EchoContract.ECHO, new byte[] {1})), 403, "unknown-certificate");
  }

  @Test
  void aRoleThatMayNotSendTheTypeIsRefusedWith403() {
    TestNetwork.Member alice = enrolled("alice", Role.PHYSICIAN);

    problem(api.submit(node.sign(alice, IdentityContract.RECORD, network.issue(TestNetwork.ORG, "eve", Role.PATIENT)
        .der())), 403, "role-not-allowed");
  }

  @Test
  void aBadSignatureIsRefusedWith422() {
    SignedTransaction good = node.sign(registrar, IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "dave", Role.NURSE).der());
    TransactionBody body = good.body();
    byte[] otherSignature = SignatureScheme.ECDSA_P256_SHA256.signer(registrar.keys()).sign(new byte[] {42});
    SignedTransaction forged = new SignedTransaction(body, otherSignature);

    problem(api.post(LedgerCodec.encodeTransaction(forged.body(), forged.signature()), "application/octet-stream"), 422,
        "bad-signature");
    assertThat(height()).isZero();
  }

  @Test
  void aBodyThatIsNotOctetStreamIsRefusedWith415() {
    SignedTransaction record = node.sign(registrar, IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "frank", Role.NURSE).der());

    problem(api.post(record.encoded(), "application/json"), 415, "unsupported-media-type");
  }

  @Test
  void aBodyAboveTheLimitIsRefusedWith413() {
    problem(api.post(new byte[TransactionRoutes.MAX_BODY_BYTES + 1], "application/octet-stream"), 413, "too-large");
    // far too large: answered from the head alone, the body is never asked for
    assertThat(api.statusLineForHead("POST /v1/transactions HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Length: " + 3 * TransactionRoutes.MAX_BODY_BYTES
        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 413");
  }

  @Test
  void anUnknownTransactionIs404AndAMalformedIdIs400() {
    problem(api.get("/v1/transactions/" + "ab".repeat(32)), 404, "unknown-transaction");
    problem(api.get("/v1/transactions/not-an-id"), 400, "malformed-transaction-id");
    problem(api.get("/v1/transactions/" + "ab".repeat(31)), 400, "malformed-transaction-id");
  }

  @Test
  void anUnknownRouteIs404AndAWrongMethodIs405ProblemJson() {
    problem(api.get("/v2/status"), 404, "not-found");
    problem(api.get("/"), 404, "not-found");
    problem(api.get("/v1/transactions"), 405, "method-not-allowed");
  }
}
