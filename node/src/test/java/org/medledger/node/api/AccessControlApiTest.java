package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.BreakGlassContract;
import org.medledger.contracts.access.BreakGlassReview;
import org.medledger.contracts.access.BreakGlassReviewContract;
import org.medledger.contracts.access.PolicyParameter;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.access.ReviewOutcome;
import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.consent.DelegationContract;
import org.medledger.contracts.consent.DelegationRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.Digest;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.ApiClient;
import org.medledger.node.TestNetwork;
import org.medledger.node.TestNetwork.Member;
import org.medledger.node.api.HealthChain.Person;
import org.medledger.pki.Role;

/**
 * The access-control queries on a real node: who gets which consents, access log, decisions and
 * break-glass reviews (everyone else 403), what the policy and governance routes show to anyone,
 * and 400/404 for malformed and unknown path values. One chain for the class, built in {@link
 * #buildTheChain()}: governance sets a review deadline of one second (so that a review is overdue
 * while the test runs) and leaves a second proposal open; patient pat-lee consents to dr-ruiz for
 * TREAT of observations (except PSY), grants and revokes a consent to city-clinic, delegates fully
 * to "mum lee" and for reading immunisations only to aunt-may; dr-ruiz is permitted, dr-other
 * (city-clinic) denied, then dr-ruiz breaks glass and reads under it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccessControlApiTest {
  private static final String ORG = TestNetwork.ORG;
  private static final String OTHER = TestNetwork.OTHER_ORG;
  private static final PatientId LEE = PatientId.of(ORG, "pat-lee");
  private static final byte[] FHIR_CONSENT = "{\"resourceType\":\"Consent\"}".getBytes(StandardCharsets.UTF_8);
  private static final PolicyParameters POLICY = PolicyParameters.defaults().withReviewDeadline(Duration.ofSeconds(1));

  @TempDir static Path dir;
  private static HealthChain chain;
  private static Member patient;
  private static Member guardian;
  private static Member aunt;
  private static Member otherPatient;
  private static Member physician;
  private static Member stranger;
  private static Member auditor;
  private static SignedTransaction executedProposal;
  private static SignedTransaction openProposal;
  private static SignedTransaction treatConsent;
  private static SignedTransaction revokedConsent;
  private static SignedTransaction permitted;
  private static SignedTransaction denied;
  private static SignedTransaction emergency;
  private static SignedTransaction underBreakGlass;

  @BeforeAll
  static void buildTheChain() {
    chain = new HealthChain(dir);
    executedProposal = chain.commit(chain.registrar(ORG), GovernanceContract.PROPOSE,
        GovernanceCodec.proposePayload(PolicyParameter.set(POLICY)));
    List<Member> people = chain.enrol(List.of(new Person(ORG, "pat-lee", Role.PATIENT),
        new Person(ORG, "mum lee", Role.PATIENT), new Person(ORG, "aunt-may", Role.PATIENT),
        new Person(ORG, "pat-kim", Role.PATIENT), new Person(ORG, "dr-ruiz", Role.PHYSICIAN),
        new Person(OTHER, "dr-other", Role.PHYSICIAN), new Person(OTHER, "aud-ng", Role.AUDITOR)));
    patient = people.get(0);
    guardian = people.get(1);
    aunt = people.get(2);
    otherPatient = people.get(3);
    physician = people.get(4);
    stranger = people.get(5);
    auditor = people.get(6);

    openProposal = chain.sign(chain.registrar(ORG), GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(
        PolicyParameter.set(POLICY.withBreakGlassDuration(Duration.ofHours(2)))));
    treatConsent = chain.sign(patient, ConsentGrantContract.GRANT, ConsentCodec.grantPayload(LEE, Period.ALWAYS,
        Provision.permit().actors(Party.person(ORG, "dr-ruiz")).purposes(PurposeOfUse.TREAT)
            .classes(DataClass.OBSERVATION).except(Provision.deny().labels(SecurityLabel.PSY).build()).build(),
        Optional.of(FHIR_CONSENT)));
    revokedConsent = chain.sign(patient, ConsentGrantContract.GRANT, ConsentCodec.grantPayload(LEE, Period.ALWAYS,
        Provision.permit().actors(Party.organisation(OTHER)).actions(Action.READ).build(), Optional.empty()));
    chain.commitTogether(List.of(openProposal, treatConsent, revokedConsent,
        chain.sign(chain.registrar(OTHER), GovernanceContract.APPROVE,
            GovernanceCodec.approvePayload(executedProposal.id())),
        chain.sign(patient, DelegationContract.DELEGATE, ConsentCodec.delegatePayload(new DelegationRequest(
            Party.person(ORG, "mum lee"), Set.of(), Set.of(), Period.ALWAYS))),
        chain.sign(patient, DelegationContract.DELEGATE, ConsentCodec.delegatePayload(new DelegationRequest(
            Party.person(ORG, "aunt-may"), Set.of(Action.READ), Set.of(DataClass.IMMUNIZATION), Period.ALWAYS)))));

    permitted = chain.sign(physician, AccessRequestContract.REQUEST, request(PurposeOfUse.TREAT));
    emergency = chain.sign(physician, BreakGlassContract.BREAK_GLASS,
        AccessCodec.breakGlassPayload(LEE, "unconscious on arrival, allergies unknown"));
    chain.commitTogether(List.of(permitted, emergency,
        chain.sign(patient, ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(revokedConsent.id().hex()))));
    denied = chain.commit(stranger, AccessRequestContract.REQUEST, request(PurposeOfUse.TREAT));
    underBreakGlass = chain.commit(physician, AccessRequestContract.REQUEST, request(PurposeOfUse.ETREAT));
  }

  @AfterAll
  static void stop() {
    if (chain != null) {
      chain.close();
    }
  }

  private static byte[] request(PurposeOfUse purpose) {
    return AccessCodec.requestPayload(new RequestPayload(LEE, Action.READ, purpose, DataClass.OBSERVATION, Set.of(),
        LEE.organisation(), false));
  }

  private static HttpResponse<String> get(String path, Member as) {
    return chain.reads.get(path, as);
  }

  private static JsonNode ok(String path, Member as) {
    HttpResponse<String> answer = get(path, as);
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return ApiClient.json(answer);
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String code) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(ApiClient.json(answer).get("code").asText()).isEqualTo(code);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> ids(JsonNode decisions) {
    List<String> ids = new ArrayList<>();
    decisions.forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  private static JsonNode byId(JsonNode array, String field, String id) {
    for (JsonNode node : array) {
      if (node.get(field).asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no " + id + " in " + array);
  }

  // ---- consents

  @Test
  void thePatientReadsTheirConsentsActiveAndRevokedWithTheirProvisionTrees() {
    JsonNode body = ok("/v1/patients/st-mary/pat-lee/consents", patient);

    assertThat(body.get("patient").asText()).isEqualTo("pat-lee@st-mary");
    assertThat(body.get("consents")).hasSize(2);
    JsonNode treat = byId(body.get("consents"), "id", treatConsent.id().hex());
    assertThat(treat.get("status").asText()).isEqualTo("active");
    assertThat(treat.get("inForce").asBoolean()).isTrue();
    assertThat(treat.get("period").get("start").isNull()).isTrue();
    assertThat(treat.get("period").get("end").isNull()).isTrue();
    assertThat(treat.get("fhirSha256").asText()).isEqualTo(Digest.sha256(FHIR_CONSENT).hex());
    assertThat(treat.get("grantedBy").asText()).isEqualTo("pat-lee@st-mary");
    assertThat(treat.get("grantedHeight").asLong()).isPositive();
    assertThat(treat.get("revokedHeight").isNull()).isTrue();
    JsonNode provision = treat.get("provision");
    assertThat(provision.get("type").asText()).isEqualTo("permit");
    assertThat(texts(provision.get("actors"))).containsExactly("dr-ruiz@st-mary");
    assertThat(texts(provision.get("purposes"))).containsExactly("TREAT");
    assertThat(texts(provision.get("classes"))).containsExactly("Observation");
    assertThat(provision.get("actions")).isEmpty();
    assertThat(provision.get("period").isNull()).isTrue();
    assertThat(provision.get("provisions")).hasSize(1);
    JsonNode exception = provision.get("provisions").get(0);
    assertThat(exception.get("type").asText()).isEqualTo("deny");
    assertThat(texts(exception.get("labels"))).containsExactly("PSY");
    assertThat(exception.get("provisions")).isEmpty();

    JsonNode revoked = byId(body.get("consents"), "id", revokedConsent.id().hex());
    assertThat(revoked.get("status").asText()).isEqualTo("inactive");
    assertThat(revoked.get("inForce").asBoolean()).isFalse();
    assertThat(revoked.get("revokedHeight").asLong()).isGreaterThan(revoked.get("grantedHeight").asLong());
    assertThat(revoked.get("revokedBy").asText()).isEqualTo("pat-lee@st-mary");
    assertThat(revoked.get("revokedAt").asText()).isNotBlank();
    assertThat(revoked.get("fhirSha256").isNull()).isTrue();
    assertThat(texts(revoked.get("provision").get("actors"))).containsExactly("organisation city-clinic");
    assertThat(texts(revoked.get("provision").get("actions"))).containsExactly("read");
  }

  @Test
  void aDelegateAndAnAuditorReadTheConsentsToo() {
    String path = "/v1/patients/st-mary/pat-lee/consents";
    assertThat(ok(path, guardian).get("consents")).hasSize(2);
    assertThat(ok(path, auditor).get("consents")).hasSize(2);
  }

  @Test
  void consentsAreForbiddenToAClinicianAndToADelegateWhoseScopeLeavesThemOut() {
    String path = "/v1/patients/st-mary/pat-lee/consents";
    HttpResponse<String> clinician = get(path, physician);
    assertProblem(clinician, 403, "forbidden");
    assertThat(ApiClient.json(clinician).get("detail").asText())
        .contains("the patient", "delegate", "Consent", "auditor", "physician dr-ruiz@st-mary");
    assertProblem(get(path, aunt), 403, "forbidden");
    assertProblem(get(path, otherPatient), 403, "forbidden");
  }

  // ---- the access log

  @Test
  void thePatientReadsEveryDecisionAboutThemNewestFirst() {
    JsonNode body = ok("/v1/patients/st-mary/pat-lee/access-log", patient);

    assertThat(body.get("patient").asText()).isEqualTo("pat-lee@st-mary");
    assertThat(body.get("total").asLong()).isEqualTo(3);
    assertThat(ids(body.get("decisions")))
        .containsExactly(underBreakGlass.id().hex(), denied.id().hex(), permitted.id().hex());
    JsonNode emergencyRead = body.get("decisions").get(0);
    assertThat(emergencyRead.get("effect").asText()).isEqualTo("permit");
    assertThat(emergencyRead.get("reason").asText()).isEqualTo("break-glass");
    assertThat(emergencyRead.get("purpose").asText()).isEqualTo("ETREAT");
    assertThat(texts(emergencyRead.get("obligations")))
        .containsExactlyInAnyOrder("flag-break-glass", "notify-patient", "review-within:PT1S");
    assertThat(emergencyRead.get("breakGlassGrant").asText()).isEqualTo(emergency.id().hex());
    JsonNode refused = body.get("decisions").get(1);
    assertThat(refused.get("requester").asText()).isEqualTo("dr-other@city-clinic");
    assertThat(refused.get("role").asText()).isEqualTo("physician");
    assertThat(refused.get("effect").asText()).isEqualTo("deny");
    assertThat(refused.get("reason").asText()).isEqualTo("no-relationship-or-consent");
    assertThat(refused.get("obligations")).isEmpty();
    assertThat(refused.get("breakGlassGrant").isNull()).isTrue();
    JsonNode granted = body.get("decisions").get(2);
    assertThat(granted.get("requester").asText()).isEqualTo("dr-ruiz@st-mary");
    assertThat(granted.get("patient").asText()).isEqualTo("pat-lee@st-mary");
    assertThat(granted.get("action").asText()).isEqualTo("read");
    assertThat(granted.get("purpose").asText()).isEqualTo("TREAT");
    assertThat(granted.get("dataClass").asText()).isEqualTo("Observation");
    assertThat(granted.get("labels")).isEmpty();
    assertThat(granted.get("custodian").asText()).isEqualTo("st-mary");
    assertThat(granted.get("deidentified").asBoolean()).isFalse();
    assertThat(granted.get("reason").asText()).isEqualTo("consent");
    assertThat(granted.get("message").asText()).contains(treatConsent.id().hex());
    assertThat(granted.get("height").asLong()).isLessThan(refused.get("height").asLong());
    assertThat(Instant.parse(granted.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void theAccessLogHonoursItsLimitAndRefusesABadOne() {
    JsonNode latest = ok("/v1/patients/st-mary/pat-lee/access-log?limit=1", guardian);
    assertThat(latest.get("total").asLong()).isEqualTo(3);
    assertThat(ids(latest.get("decisions"))).containsExactly(underBreakGlass.id().hex());
    assertThat(ok("/v1/patients/st-mary/pat-lee/access-log?limit=1000", auditor).get("decisions")).hasSize(3);

    for (String limit : List.of("0", "1001", "-1", "abc", "", "99999", "1.5")) {
      assertProblem(get("/v1/patients/st-mary/pat-lee/access-log?limit=" + limit, patient), 400, "bad-parameter");
    }
  }

  @Test
  void theAccessLogIsForbiddenToTheCliniciansItNamesAndToANarrowDelegate() {
    String path = "/v1/patients/st-mary/pat-lee/access-log";
    assertProblem(get(path, physician), 403, "forbidden");
    assertProblem(get(path, stranger), 403, "forbidden");
    assertProblem(get(path, otherPatient), 403, "forbidden");
    HttpResponse<String> narrow = get(path, aunt);
    assertProblem(narrow, 403, "forbidden");
    assertThat(ApiClient.json(narrow).get("detail").asText()).contains("AuditEvent");
  }

  // ---- decisions by requester and by id

  @Test
  void aRequesterAndAnAuditorReadTheDecisionsOnTheRequesterNewestFirst() {
    JsonNode own = ok("/v1/actors/st-mary/dr-ruiz/decisions", physician);
    assertThat(own.get("requester").asText()).isEqualTo("dr-ruiz@st-mary");
    assertThat(own.get("total").asLong()).isEqualTo(2);
    assertThat(ids(own.get("decisions"))).containsExactly(underBreakGlass.id().hex(), permitted.id().hex());

    JsonNode audited = ok("/v1/actors/city-clinic/dr-other/decisions?limit=5", auditor);
    assertThat(ids(audited.get("decisions"))).containsExactly(denied.id().hex());
  }

  @Test
  void theDecisionsOnARequesterAreForbiddenToEveryoneElseEvenThePatientTheyConcern() {
    String path = "/v1/actors/st-mary/dr-ruiz/decisions";
    HttpResponse<String> answer = get(path, patient);
    assertProblem(answer, 403, "forbidden");
    assertThat(ApiClient.json(answer).get("detail").asText()).contains("dr-ruiz@st-mary or an auditor");
    assertProblem(get(path, stranger), 403, "forbidden");
    assertProblem(get(path, guardian), 403, "forbidden");
  }

  @Test
  void oneDecisionIsForItsRequesterThePatientADelegateAndAnAuditorOnly() {
    String path = "/v1/decisions/" + permitted.id().hex();
    for (Member reader : List.of(physician, patient, guardian, auditor)) {
      JsonNode decision = ok(path, reader);
      assertThat(decision.get("id").asText()).isEqualTo(permitted.id().hex());
      assertThat(decision.get("effect").asText()).isEqualTo("permit");
    }
    assertProblem(get(path, stranger), 403, "forbidden");
    assertProblem(get(path, aunt), 403, "forbidden");
    // dr-other reads the decision on their own request, not dr-ruiz's
    assertThat(ok("/v1/decisions/" + denied.id().hex(), stranger).get("effect").asText()).isEqualTo("deny");
  }

  @Test
  void aBreakGlassDecisionNamesTheGrantItReliedOn() {
    JsonNode decision = ok("/v1/decisions/" + underBreakGlass.id().hex(), auditor);
    assertThat(decision.get("reason").asText()).isEqualTo("break-glass");
    assertThat(decision.get("breakGlassGrant").asText()).isEqualTo(emergency.id().hex());
  }

  // ---- break-glass reviews

  @Test
  void anAuditorSeesTheGrantWaitingForReviewOverdueUntilReviewed() throws InterruptedException {
    JsonNode body = ok("/v1/break-glass/reviews", auditor);
    assertThat(body.get("total").asLong()).isEqualTo(1);
    JsonNode review = body.get("reviews").get(0);
    assertThat(review.get("grant").asText()).isEqualTo(emergency.id().hex());
    assertThat(review.get("requester").asText()).isEqualTo("dr-ruiz@st-mary");
    assertThat(review.get("patient").asText()).isEqualTo("pat-lee@st-mary");
    Instant grantedAt = Instant.parse(review.get("grantedAt").asText());
    Instant due = Instant.parse(review.get("reviewDue").asText());
    assertThat(due).isEqualTo(grantedAt.plusSeconds(1)); // the deadline governance set
    assertThat(Instant.parse(review.get("expiresAt").asText())).isEqualTo(grantedAt.plus(Duration.ofHours(4)));
    assertThat(review.get("reasonSha256").asText()).hasSize(64);
    while (!Instant.now().isAfter(due.plusMillis(10))) {
      Thread.sleep(50);
    }
    assertThat(ok("/v1/break-glass/reviews?limit=10", auditor).get("reviews").get(0).get("overdue").asBoolean())
        .isTrue();

    chain.commit(auditor, BreakGlassReviewContract.REVIEW, AccessCodec.reviewPayload(
        new BreakGlassReview(emergency.id().hex(), ReviewOutcome.APPROPRIATE)));
    JsonNode after = ok("/v1/break-glass/reviews", auditor);
    assertThat(after.get("total").asLong()).isZero();
    assertThat(after.get("reviews")).isEmpty();
    // the grant is still found for the decision that relied on it: it is in the patient's index
    assertThat(ok("/v1/decisions/" + underBreakGlass.id().hex(), patient).get("breakGlassGrant").asText())
        .isEqualTo(emergency.id().hex());
  }

  @Test
  void theReviewListIsForAuditorsOnly() {
    for (Member reader : List.of(patient, physician, guardian)) {
      HttpResponse<String> answer = get("/v1/break-glass/reviews", reader);
      assertProblem(answer, 403, "forbidden");
      assertThat(ApiClient.json(answer).get("detail").asText()).contains("auditors");
    }
    assertProblem(get("/v1/break-glass/reviews?limit=0", auditor), 400, "bad-parameter");
  }

  // ---- public: the policy and governance

  @Test
  void thePolicyInForceIsTheGovernedOneAndPublic() {
    HttpResponse<String> answer = chain.api.get("/v1/policy");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode policy = ApiClient.json(answer);

    assertThat(policy.get("source").asText()).isEqualTo("governed");
    assertThat(policy.get("digest").asText()).isEqualTo(Digest.sha256(PolicyParametersCodec.encode(POLICY)).hex());
    assertThat(policy.get("reviewDeadline").asText()).isEqualTo("PT1S");
    assertThat(policy.get("breakGlassDuration").asText()).isEqualTo("PT4H");
    assertThat(texts(policy.get("sensitiveLabels"))).containsExactly("ETH", "GDIS", "HIV", "PSY");
    JsonNode treat = null;
    int cells = 0;
    for (JsonNode rule : policy.get("rules")) {
      cells++;
      if (rule.get("role").asText().equals("physician") && rule.get("purpose").asText().equals("TREAT")) {
        treat = rule;
      }
    }
    assertThat(cells).isEqualTo(POLICY.matrix().values().stream().mapToInt(java.util.Map::size).sum());
    assertThat(treat).isNotNull();
    assertThat(treat.get("basis").asText()).isEqualTo("care");
    assertThat(texts(treat.get("actions"))).containsExactly("disclose", "export", "read", "write");
    assertThat(texts(treat.get("classes"))).startsWith("AllergyIntolerance", "CarePlan", "Condition").hasSize(12);
    assertThat(texts(policy.get("rules").get(0).get("classes"))).isNotEmpty();
  }

  @Test
  void proposalsAreListedNewestFirstWithTheirStatusToAnyone() {
    HttpResponse<String> answer = chain.api.get("/v1/governance/proposals");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(answer);
    assertThat(body.get("total").asLong()).isEqualTo(2);
    assertThat(ids(body.get("proposals"))).containsExactly(openProposal.id().hex(), executedProposal.id().hex());
    JsonNode open = body.get("proposals").get(0);
    assertThat(open.get("status").asText()).isEqualTo("open");
    assertThat(open.get("action").asText()).isEqualTo("parameter.set");
    assertThat(texts(open.get("approvals"))).containsExactly(ORG);
    assertThat(open.get("executedHeight").isNull()).isTrue();
    JsonNode executed = body.get("proposals").get(1);
    assertThat(executed.get("status").asText()).isEqualTo("executed");
    assertThat(texts(executed.get("approvals"))).containsExactly(ORG, OTHER);
    assertThat(executed.get("executedHeight").asLong()).isPositive();
    // the same as the single-proposal route says
    assertThat(ApiClient.json(chain.api.get("/v1/governance/proposals/" + executedProposal.id().hex())))
        .isEqualTo(executed);

    JsonNode latest = ApiClient.json(chain.api.get("/v1/governance/proposals?limit=1"));
    assertThat(latest.get("total").asLong()).isEqualTo(2);
    assertThat(ids(latest.get("proposals"))).containsExactly(openProposal.id().hex());
    assertProblem(chain.api.get("/v1/governance/proposals?limit=1001"), 400, "bad-parameter");
  }

  // ---- malformed and unknown path values

  @Test
  void malformedPathValuesAreBadRequests() {
    assertProblem(get("/v1/patients/st-mary/bad!name/consents", auditor), 400, "malformed-identity");
    assertProblem(get("/v1/patients/St_Mary/pat-lee/access-log", auditor), 400, "malformed-identity");
    assertProblem(get("/v1/actors/st-mary/%20dr-ruiz/decisions", auditor), 400, "malformed-identity");
    assertProblem(get("/v1/decisions/not-a-transaction-id", auditor), 400, "malformed-id");
    assertProblem(get("/v1/decisions/" + permitted.id().hex().toUpperCase(java.util.Locale.ROOT), auditor), 400,
        "malformed-id");
  }

  @Test
  void unknownPatientsPeopleAndDecisionsAreNotFound() {
    assertProblem(get("/v1/patients/st-mary/pat-nobody/consents", auditor), 404, "unknown-patient");
    assertProblem(get("/v1/patients/st-mary/dr-ruiz/access-log", auditor), 404, "unknown-patient");
    assertProblem(get("/v1/patients/no-such-org/pat-lee/consents", auditor), 404, "unknown-patient");
    assertProblem(get("/v1/actors/st-mary/nobody/decisions", auditor), 404, "unknown-identity");
    assertProblem(get("/v1/decisions/" + Digest.sha256(new byte[] {7}).hex(), auditor), 404, "unknown-decision");
    // a transaction that is no access request is no decision
    assertProblem(get("/v1/decisions/" + treatConsent.id().hex(), auditor), 404, "unknown-decision");
  }

  @Test
  void aNameWithASpaceIsSignedAndReadAsSent() {
    // "mum lee" reads the decisions on their own requests: none, but the signed path carries %20
    JsonNode own = ok("/v1/actors/st-mary/mum%20lee/decisions", guardian);
    assertThat(own.get("requester").asText()).isEqualTo("mum lee@st-mary");
    assertThat(own.get("total").asLong()).isZero();
    assertThat(own.get("decisions")).isEmpty();
  }
}
