package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;
import static org.medledger.client.cli.TestNetwork.CITY_CLINIC;
import static org.medledger.client.cli.TestNetwork.ST_MARY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.Digest;

/**
 * Consent and access control end to end through the command line, against a running network of
 * four validators (three organisations): a patient grants and revokes, a physician is permitted
 * and then denied, break-glass is granted and reviewed by an auditor, a treating relationship is
 * added and ended, a policy change through governance applies from its block, a revoked
 * certificate cannot act, and the queries answer only those allowed to read them.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ConsentAccessCommandTest {
  private static final Pattern CONSENT = Pattern.compile("granted consent ([0-9a-f]{64})");
  private static final Pattern DELEGATION = Pattern.compile("delegation ([0-9a-f]{64}):");
  private static final Pattern GRANT = Pattern.compile("\\(grant ([0-9a-f]{64})\\)");
  private static final Pattern RELATIONSHIP = Pattern.compile("relationship ([0-9a-f]{64}):");
  private static final Pattern PROPOSAL = Pattern.compile("proposal ([0-9a-f]{64}):");
  private static final Pattern FHIR = Pattern.compile("FHIR Consent: (\\S+) \\(sha256 ([0-9a-f]{64})\\)");
  private static final String PATIENT = "pat-ann@" + CITY_CLINIC;
  private static final String PHYSICIAN = "dr-alice@" + ST_MARY;

  @TempDir static Path dir;
  private static TestNetwork network;
  private static Path patient;
  private static Path physician;
  private static Path auditor;
  private static Path otherPatient;

  @BeforeAll
  static void start() {
    network = TestNetwork.running(dir);
    patient = network.member(CITY_CLINIC, "pat-ann", "patient");
    otherPatient = network.member(CITY_CLINIC, "pat-ben", "patient");
    physician = network.member(ST_MARY, "dr-alice", "physician");
    auditor = network.member(ST_MARY, "auditor-carol", "auditor");
  }

  @AfterAll
  static void stop() {
    network.close();
  }

  @Test
  void aConsentPermitsUntilRevokedAndEveryDecisionIsInThePatientsAccessLog() throws Exception {
    assertDenied(request(physician, "--class", "Immunization"), "no-relationship-or-consent");

    Cli.Result granted = assertSucceeded(as(patient, "consent", "grant", "--to", PHYSICIAN, "--action", "read",
        "--purpose", "TREAT", "--class", "Immunization"));
    String consent = group(CONSENT, granted, 1);
    Matcher fhir = FHIR.matcher(granted.out());
    assertThat(fhir.find()).as(granted.out()).isTrue();
    byte[] resource = Files.readAllBytes(Path.of(fhir.group(1)));
    assertThat(Digest.sha256(resource).hex()).isEqualTo(fhir.group(2));
    assertThat(new String(resource, StandardCharsets.UTF_8)).contains("\"resourceType\"", "\"Consent\"", "TREAT");

    assertPermitted(request(physician, "--class", "Immunization"));
    assertThat(assertSucceeded(as(patient, "consent", "list")).out()).contains(consent, "active",
        "permit dr-alice@st-mary", fhir.group(2));
    assertRefused(as(physician, "consent", "list", "--patient", PATIENT), "this request is signed by");

    assertSucceeded(as(patient, "consent", "revoke", "--consent", consent));
    assertDenied(request(physician, "--class", "Immunization"), "no-relationship-or-consent");
    assertThat(assertSucceeded(as(patient, "consent", "list")).out()).contains(consent, "inactive", "revoked at block");

    String log = assertSucceeded(as(patient, "access", "log")).out();
    assertThat(log.lines().filter(l -> l.contains("dr-alice@st-mary") && l.contains("Immunization")).count())
        .isEqualTo(3);
    assertThat(assertSucceeded(as(auditor, "access", "log", "--patient", PATIENT)).out()).contains("PERMIT", "DENY");
    assertThat(assertSucceeded(as(physician, "access", "decisions")).out()).contains("Immunization", "PERMIT");
    assertRefused(as(otherPatient, "access", "log", "--patient", PATIENT), "this request is signed by");
    assertRefused(as(physician, "access", "decisions", "--actor", "auditor-carol@" + ST_MARY), "this request is signed by");
  }

  @Test
  void aDelegateActsForThePatientWithinTheDelegationsScopeUntilItEnds() {
    Cli.Result delegated = assertSucceeded(as(patient, "consent", "delegate", "--to", "pat-ben@" + CITY_CLINIC,
        "--action", "read", "--class", "Procedure", "--class", "Consent"));
    String delegation = group(DELEGATION, delegated, 1);
    String consent = group(CONSENT, assertSucceeded(as(otherPatient, "consent", "grant", "--patient", PATIENT,
        "--to", PHYSICIAN, "--action", "read", "--class", "Procedure", "--purpose", "TREAT")), 1);
    assertRefused(as(otherPatient, "consent", "grant", "--patient", PATIENT, "--to", PHYSICIAN, "--action", "read",
        "--class", "Condition"), "outside-delegation-scope");
    assertThat(assertSucceeded(as(otherPatient, "consent", "list", "--patient", PATIENT)).out()).contains(consent);
    assertRefused(as(otherPatient, "access", "log", "--patient", PATIENT), "AuditEvent");
    assertSucceeded(as(otherPatient, "consent", "revoke", "--consent", consent));

    assertRefused(as(physician, "consent", "delegate", "--to", "pat-ben@" + CITY_CLINIC), "may not send consent.delegate");
    assertRefused(as(patient, "consent", "delegate", "--to", "nobody@" + CITY_CLINIC), "unknown-identity");
    assertSucceeded(as(patient, "consent", "undelegate", "--delegation", delegation));
    assertRefused(as(otherPatient, "consent", "grant", "--patient", PATIENT, "--to", PHYSICIAN, "--action", "read",
        "--class", "Procedure"), "not-patient");
    assertRefused(as(patient, "consent", "undelegate", "--delegation", delegation), "already-ended");
  }

  @Test
  void breakGlassIsGrantedFlaggedAndReviewedByAnAuditor() {
    assertRefused(as(physician, "break-glass", "--patient", PATIENT, "--reason", "too short"), "at least");
    Cli.Result declared = assertSucceeded(as(physician, "break-glass", "--patient", PATIENT, "--reason",
        "unconscious on arrival, allergies unknown"));
    String grant = group(GRANT, declared, 1);
    assertThat(declared.out()).contains("flagged", "review due by", "written reason kept at");

    Cli.Result emergency = request(physician, "--purpose", "ETREAT", "--class", "AllergyIntolerance");
    assertPermitted(emergency);
    assertThat(emergency.out()).contains("review-within", "under break-glass grant " + grant);

    assertRefused(as(physician, "review", "--open"), "this request is signed by");
    assertThat(assertSucceeded(as(auditor, "review", "--open")).out()).contains(grant, PHYSICIAN);
    assertRefused(as(physician, "review", "--grant", grant, "--outcome", "appropriate"), "may not send access.review");
    assertRefused(as(auditor, "review", "--grant", grant, "--outcome", "fine"), "appropriate or inappropriate");
    assertSucceeded(as(auditor, "review", "--grant", grant, "--outcome", "appropriate"));
    assertThat(assertSucceeded(as(auditor, "review", "--open")).out()).doesNotContain(grant);
    assertRefused(as(auditor, "review", "--grant", grant, "--outcome", "appropriate"), "refused");
  }

  @Test
  void aTreatingRelationshipPermitsUntilItEnds() {
    Cli.Result added = assertSucceeded(network.cli().run("relationship", "add", "--network", network.dir(),
        "--org", ST_MARY, "--patient", PATIENT, "--party", PHYSICIAN, "--kind", "admission"));
    String relationship = group(RELATIONSHIP, added, 1);
    assertPermitted(request(physician, "--class", "Condition"));
    assertRefused(network.cli().run("relationship", "add", "--network", network.dir(), "--org", CITY_CLINIC,
        "--patient", PATIENT, "--party", PHYSICIAN), "refused");
    assertSucceeded(network.cli().run("relationship", "end", "--network", network.dir(), "--org", ST_MARY,
        "--patient", PATIENT, "--id", relationship));
    assertDenied(request(physician, "--class", "Condition"), "no-relationship-or-consent");
  }

  @Test
  void aPolicyChangeThroughGovernanceAppliesFromItsBlock() throws Exception {
    String policy = assertSucceeded(network.cli().run("governance", "policy", "--network", network.dir())).out();
    assertThat(policy).contains("\"breakGlassDuration\" : \"PT4H\"");
    Path changed = dir.resolve("policy.json");
    Files.writeString(changed, policy.replace("\"PT4H\"", "\"PT1H\""));

    Cli.Result proposed = assertSucceeded(network.cli().run("governance", "propose", "--network", network.dir(),
        "--org", ST_MARY, "--policy", changed.toString()));
    String proposal = group(PROPOSAL, proposed, 1);
    assertThat(assertSucceeded(network.cli().run("governance", "list", "--network", network.dir())).out())
        .contains(proposal, "open");
    Cli.Result approved = assertSucceeded(network.cli().run("governance", "approve", "--network", network.dir(),
        "--org", CITY_CLINIC, proposal));
    assertThat(approved.out()).contains("carried out in block", "policy parameter");
    assertThat(assertSucceeded(network.cli().run("governance", "list", "--network", network.dir())).out())
        .contains(proposal, "executed");
    assertThat(assertSucceeded(network.cli().run("governance", "policy", "--network", network.dir())).out())
        .contains("\"breakGlassDuration\" : \"PT1H\"");

    Files.writeString(changed, policy.replace("\"PT4H\"", "\"four hours\""));
    assertRefused(network.cli().run("governance", "propose", "--network", network.dir(), "--org", ST_MARY,
        "--policy", changed.toString()), "breakGlassDuration", "not an ISO-8601 duration");
  }

  @Test
  void badInputIsRefusedAndChangesNothing() throws Exception {
    List<String> keptBefore = keptConsents();
    String consentsBefore = assertSucceeded(as(patient, "consent", "list")).out();
    assertRefused(as(patient, "consent", "grant", "--to", PHYSICIAN, "--from", "2027-01-01", "--until", "2026-01-01"),
        "must end after it starts");
    assertRefused(as(otherPatient, "consent", "grant", "--patient", PATIENT, "--to", PHYSICIAN), "not-patient");
    assertRefused(as(patient, "consent", "grant", "--to", "nobody@" + ST_MARY), "unknown-identity");
    assertRefused(as(patient, "consent", "grant", "--to", PHYSICIAN, "--purpose", "SHOPPING"), "unknown purpose");
    assertRefused(as(patient, "consent", "grant", "--to", "dr-alice"), "names no one");
    Path malformed = dir.resolve("malformed-consent.json");
    Files.writeString(malformed, "{\"resourceType\": \"Patient\"}");
    assertRefused(as(patient, "consent", "grant", "--fhir", malformed.toString()), "Consent");
    assertRefused(as(patient, "consent", "revoke", "--consent", "00".repeat(32)), "refused");
    assertRefused(request(physician, "--class", "Spaceship"), "unknown data class");
    assertThat(keptConsents()).as("no FHIR Consent is kept for a refused grant").isEqualTo(keptBefore);
    assertThat(assertSucceeded(as(patient, "consent", "list")).out()).as("no consent was recorded")
        .isEqualTo(consentsBefore);
  }

  @Test
  void aRevokedCertificateCannotActInTheNextBlock() {
    Path revoked = network.member(ST_MARY, "dr-gone", "physician");
    assertDenied(request(revoked, "--class", "Observation"), "no-relationship-or-consent");
    network.revokeName(ST_MARY, "dr-gone", "key-compromise");
    assertRefused(request(revoked, "--class", "Observation"), "revoked");
  }

  private static List<String> keptConsents() throws java.io.IOException {
    Path directory = patient.resolveSibling("consents");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (var files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Cli.Result request(Path wallet, String... options) {
    List<String> args = new ArrayList<>(List.of("access", "request", "--patient", PATIENT, "--purpose", "TREAT"));
    List<String> given = Arrays.asList(options);
    if (given.contains("--purpose")) {
      args.subList(args.size() - 2, args.size()).clear();
    }
    args.addAll(given);
    return as(wallet, args.toArray(String[]::new));
  }

  private static Cli.Result as(Path wallet, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    int insertAt = 0;
    while (insertAt < all.size() && !all.get(insertAt).startsWith("-")) {
      insertAt++;
    }
    all.addAll(insertAt, List.of("--network", network.dir(), "--wallet", wallet.toString()));
    return network.cli().run(all.toArray(String[]::new));
  }

  private static void assertPermitted(Cli.Result result) {
    assertSucceeded(result);
    assertThat(result.out()).as(result.toString()).startsWith("PERMIT");
  }

  private static void assertDenied(Cli.Result result, String reason) {
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(AccessCommand.Request.DENIED);
    assertThat(result.err()).as(result.toString()).isEmpty();
    assertThat(result.out()).as(result.toString()).startsWith("DENY: " + reason);
  }

  private static String group(Pattern pattern, Cli.Result result, int group) {
    Matcher matcher = pattern.matcher(result.out());
    assertThat(matcher.find()).as(result.toString()).isTrue();
    return matcher.group(group);
  }
}
