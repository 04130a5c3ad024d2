package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.node.ApiClient;
import org.medledger.node.TestNetwork;
import org.medledger.node.TestNetwork.Member;
import org.medledger.node.api.HealthChain.Person;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/**
 * Authentication of reads: only a well-formed, fresh signature of this very request on this chain,
 * by the key of a certificate recorded on chain whose identity is active, is accepted; anything
 * else is 401 {@code unauthenticated} with a reason. Public routes need no signature.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SignedRequestApiTest {
  private static final String ORG = TestNetwork.ORG;
  private static final String CONSENTS = "/v1/patients/st-mary/pat-lee/consents";

  @TempDir static Path dir;
  private static HealthChain chain;
  private static Member patient;
  private static Member suspended;
  private static Member revokedIdentity;
  private static Member revokedCertificate;

  @BeforeAll
  static void enrolAndThenSuspendAndRevokeSome() {
    chain = new HealthChain(dir);
    List<Member> people = chain.enrol(List.of(new Person(ORG, "pat-lee", Role.PATIENT),
        new Person(ORG, "dr-susp", Role.PHYSICIAN), new Person(ORG, "dr-gone", Role.PHYSICIAN),
        new Person(ORG, "dr-oldkey", Role.PHYSICIAN)));
    patient = people.get(0);
    suspended = people.get(1);
    revokedIdentity = people.get(2);
    revokedCertificate = people.get(3);
    Member registrar = chain.registrar(ORG);
    chain.commitTogether(List.of(
        chain.sign(registrar, IdentityContract.SUSPEND,
            IdentityCodec.suspendPayload("dr-susp", RevocationReason.PRIVILEGE_WITHDRAWN)),
        chain.sign(registrar, IdentityContract.REVOKE_IDENTITY,
            IdentityCodec.revokePayload("dr-gone", RevocationReason.CESSATION_OF_OPERATION)),
        chain.sign(registrar, IdentityContract.REVOKE,
            IdentityContract.revokePayload(revokedCertificate.fingerprint(), RevocationReason.KEY_COMPROMISE))));
  }

  @AfterAll
  static void stop() {
    if (chain != null) {
      chain.close();
    }
  }

  private static HttpResponse<String> get(String path, String header) {
    return chain.reads.get(path, header);
  }

  private static String signed(Member as, String path, Instant at) {
    return SignedReads.header(as, chain.chainId(), path, at);
  }

  /** 401 unauthenticated, with a detail containing {@code reason}; returns the detail. */
  private static String assertUnauthenticated(HttpResponse<String> answer, String reason) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue(RequestSignature.HEADER);
    JsonNode problem = ApiClient.json(answer);
    assertThat(problem.get("code").asText()).isEqualTo("unauthenticated");
    assertThat(problem.get("detail").asText()).contains(reason);
    return problem.get("detail").asText();
  }

  @Test
  void aFreshSignatureOfTheRequestByTheRecordedCertificateIsAccepted() {
    HttpResponse<String> answer = get(CONSENTS, signed(patient, CONSENTS, Instant.now()));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(ApiClient.json(answer).get("consents")).isEmpty();
    // a few minutes of clock difference either way are fine
    assertThat(get(CONSENTS, signed(patient, CONSENTS, Instant.now().minusSeconds(280))).statusCode()).isEqualTo(200);
    assertThat(get(CONSENTS, signed(patient, CONSENTS, Instant.now().plusSeconds(280))).statusCode()).isEqualTo(200);
  }

  @Test
  void everyProtectedRouteRefusesAnUnsignedRequest() {
    for (String path : List.of(CONSENTS, "/v1/patients/st-mary/pat-lee/access-log",
        "/v1/actors/st-mary/dr-susp/decisions", "/v1/break-glass/reviews",
        "/v1/decisions/" + Digest.sha256(new byte[] {1}).hex())) {
      assertUnauthenticated(get(path, null), RequestSignature.HEADER);
    }
  }

  @Test
  void unsignedRequestsAreRefusedBeforeTheirPathValuesAreLookedAt() {
    assertUnauthenticated(get("/v1/patients/st-mary/bad!name/consents", null), "signed request");
    assertUnauthenticated(get("/v1/patients/st-mary/pat-lee/access-log?limit=0", null), "signed request");
  }

  @Test
  void garbledHeadersAreRefused() {
    String good = signed(patient, CONSENTS, Instant.now());
    RequestSignature.Header parts = RequestSignature.parse(good);
    assertUnauthenticated(get(CONSENTS, "nonsense"), "name=value");
    assertUnauthenticated(get(CONSENTS, "   "), "empty");
    assertUnauthenticated(get(CONSENTS, good.replace("cert=", "certificate=")), "unknown part");
    assertUnauthenticated(get(CONSENTS, good + ", created=" + parts.created()), "twice");
    assertUnauthenticated(get(CONSENTS, good.substring(0, good.indexOf(", signature="))), "lacks 'signature'");
    assertUnauthenticated(get(CONSENTS, good.replace("cert=" + parts.certificate().hex(),
        "cert=" + parts.certificate().hex().toUpperCase(java.util.Locale.ROOT))), "'cert'");
    assertUnauthenticated(get(CONSENTS, good.replace("created=" + parts.created(), "created=yesterday")),
        "'created'");
    assertUnauthenticated(get(CONSENTS, good.replaceFirst("signature=.*", "signature=not base64!")), "'signature'");
    assertUnauthenticated(get(CONSENTS, good.replaceFirst("signature=.*", "signature=AAAA")), "does not verify");
  }

  @Test
  void aStaleOrFutureSignatureIsRefused() {
    assertUnauthenticated(get(CONSENTS, signed(patient, CONSENTS, Instant.now().minusSeconds(301))), "300 s");
    assertUnauthenticated(get(CONSENTS, signed(patient, CONSENTS, Instant.now().plusSeconds(301))), "300 s");
    assertUnauthenticated(get(CONSENTS, signed(patient, CONSENTS, Instant.EPOCH)), "300 s");
  }

  @Test
  void aSignatureForAnotherChainIsRefused() {
    String foreign = SignedReads.header(patient, "medledger-other", CONSENTS, Instant.now());
    assertUnauthenticated(get(CONSENTS, foreign), "does not verify");
  }

  @Test
  void aSignatureByAnotherKeyThanTheCertificatesIsRefused() {
    KeyPair other = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    long created = Instant.now().getEpochSecond();
    byte[] signature = SignatureScheme.ECDSA_P256_SHA256.signer(other).sign(RequestSignature.message(chain.chainId(),
        patient.fingerprint(), created, "GET", CONSENTS));
    String forged = new RequestSignature.Header(patient.fingerprint(), created, signature).format();
    assertUnauthenticated(get(CONSENTS, forged), "does not verify under the certificate of pat-lee@st-mary");
  }

  @Test
  void aSignatureIsGoodForItsOwnPathQueryAndMethodOnly() {
    String forConsents = signed(patient, CONSENTS, Instant.now());
    assertUnauthenticated(get("/v1/patients/st-mary/pat-lee/access-log", forConsents), "does not verify");
    String forOne = signed(patient, "/v1/patients/st-mary/pat-lee/access-log?limit=1", Instant.now());
    assertUnauthenticated(get("/v1/patients/st-mary/pat-lee/access-log?limit=2", forOne), "does not verify");
    assertUnauthenticated(get("/v1/patients/st-mary/pat-lee/access-log", forOne), "does not verify");
    String asPost = RequestSignature.sign(SignatureScheme.ECDSA_P256_SHA256.signer(patient.keys()),
        patient.certificate(), chain.chainId(), "POST", CONSENTS, Instant.now());
    assertUnauthenticated(get(CONSENTS, asPost), "does not verify");
  }

  @Test
  void theSameSignedRequestRepeatedWithinTheWindowReadsTheSameAgain() {
    // what the window allows (see RequestAuthenticator): a repeat of this very read, nothing else
    String header = signed(patient, CONSENTS, Instant.now());
    assertThat(get(CONSENTS, header).statusCode()).isEqualTo(200);
    assertThat(get(CONSENTS, header).statusCode()).isEqualTo(200);
  }

  @Test
  void aCertificateNotRecordedOnChainIsRefused() {
    Member unrecorded = chain.network.issue(ORG, "pat-lee", Role.PATIENT); // right name, never recorded
    assertUnauthenticated(get(CONSENTS, signed(unrecorded, CONSENTS, Instant.now())), "is not recorded on chain");
  }

  @Test
  void suspendedAndRevokedSignersAreRefused() {
    assertUnauthenticated(get(CONSENTS, signed(suspended, CONSENTS, Instant.now())),
        "dr-susp@st-mary is suspended since block");
    assertUnauthenticated(get(CONSENTS, signed(revokedIdentity, CONSENTS, Instant.now())),
        "dr-gone@st-mary is revoked since block");
    assertUnauthenticated(get(CONSENTS, signed(revokedCertificate, CONSENTS, Instant.now())), "revoked on chain");
  }

  @Test
  void publicRoutesNeedNoSignature() {
    JsonNode policy = ApiClient.json(chain.api.get("/v1/policy"));
    assertThat(policy.get("source").asText()).isEqualTo("default");
    assertThat(policy.get("digest").isNull()).isTrue();
    assertThat(policy.get("breakGlassDuration").asText()).isEqualTo("PT4H");
    assertThat(policy.get("reviewDeadline").asText()).isEqualTo("PT72H");

    HttpResponse<String> proposals = chain.api.get("/v1/governance/proposals");
    assertThat(proposals.statusCode()).isEqualTo(200);
    assertThat(ApiClient.json(proposals).get("total").asLong()).isZero();
    assertThat(ApiClient.json(proposals).get("proposals")).isEmpty();
  }
}
