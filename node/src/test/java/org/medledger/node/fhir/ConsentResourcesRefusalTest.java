package org.medledger.node.fhir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.node.fhir.ConsentFixtures.grant;

import org.junit.jupiter.api.Test;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;

/** What {@link ConsentResources#fromJson} refuses, and that each message names the element at fault. */
class ConsentResourcesRefusalTest {
  private static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

  // ---- not a Consent

  @Test
  void textThatIsNotJsonOrNotAConsent() {
    assertRefused(null, "no FHIR Consent given");
    assertRefused("  ", "no FHIR Consent given");
    assertRefused("consent: yes", "not JSON", "line 1");
    assertRefused("{\"resourceType\": \"Consent\",", "not JSON");
    assertRefused("{\"resourceType\": \"Consent\"} {}", "not JSON");
    assertRefused("[{\"resourceType\": \"Consent\"}]", "not a FHIR Consent: the JSON is not an object");
    assertRefused("{\"status\": \"active\"}", "no resourceType");
    assertRefused("{\"resourceType\": \"Patient\", \"id\": \"p1\"}", "not a FHIR Consent", "'Patient'");
  }

  @Test
  void repeatedKeysWhichParsersReadDifferently() {
    String json = simple().replace("\"status\": \"active\",", "\"status\": \"active\", \"status\": \"draft\",");
    assertRefused(json, "not JSON", "Duplicate field 'status'");
  }

  @Test
  void misspelledOrUnknownElementsAndInvalidValues() {
    assertRefused(simple().replace("\"purpose\"", "\"purposes\""), "not a valid FHIR R4 Consent", "purposes");
    assertRefused(simple().replace("\"type\": \"permit\"", "\"type\": \"allow\""), "not a valid FHIR R4 Consent",
        "allow");
    assertRefused(edits().set("/provision/period", "{\"start\": \"2024-02-30T00:00:00Z\"}").json(),
        "2024-02-30");
  }

  // ---- the consent itself

  @Test
  void aStatusOtherThanActive() {
    assertRefused(edits().set("/status", "\"draft\"").json(), "Consent.status", "'draft'", "only an active consent");
    assertRefused(edits().remove("/status").json(), "Consent.status", "required");
  }

  @Test
  void anotherScopeCategoryOrPolicyRule() {
    assertRefused(edits().set("/scope/coding/0/code", "\"research\"").json(), "Consent.scope.coding[0]",
        "consentscope|research", "patient-privacy");
    assertRefused(edits().remove("/scope").json(), "Consent.scope", "required");
    assertRefused(edits().set("/category/1", "{\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"64292-6\"}]}")
        .json(), "Consent.category[1].coding[0]", "64292-6");
    assertRefused(edits().remove("/category").json(), "Consent.category", "required");
    assertRefused(edits().set("/policyRule/coding/0/code", "\"OPTOUT\"").json(), "Consent.policyRule.coding[0]",
        "OPTOUT");
    assertRefused(edits().remove("/policyRule").json(), "Consent.policyRule", "required");
    assertRefused(edits().set("/policy", "[{\"uri\": \"https://example.org/policy\"}]").json(), "Consent.policy[0]",
        "not supported");
  }

  @Test
  void aMissingOrUnreadablePatient() {
    assertRefused(edits().remove("/patient").json(), "Consent.patient", "required");
    assertRefused(edits().set("/patient/reference", "\"Patient/123\"").json(), "Consent.patient.reference",
        "literal references");
    assertRefused(edits().remove("/patient/identifier").set("/patient/display", "\"Ann\"").json(), "Consent.patient",
        "needs an identifier");
    assertRefused(edits().remove("/patient/identifier/value").json(), "Consent.patient.identifier",
        "system and a value");
    assertRefused(edits().set("/patient/identifier/system", "\"http://hospital.example/mrn\"").json(),
        "Consent.patient.identifier.system", "urn:medledger:organisation:<organisation>");
    assertRefused(edits().set("/patient/identifier/system", "\"urn:medledger:organisation:St Mary\"").json(),
        "Consent.patient.identifier.system", "invalid organisation id 'St Mary'");
    assertRefused(edits().set("/patient/identifier/value", "\"-ann\"").json(), "Consent.patient.identifier.value",
        "invalid name '-ann'");
    assertRefused(edits().set("/patient/identifier/period", "{\"end\": \"2020-01-01T00:00:00Z\"}").json(),
        "Consent.patient.identifier.period", "not supported");
  }

  @Test
  void aBadConsentPeriod() {
    String extension = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Consent.period";
    assertRefused(edits().set("/extension", "[{\"url\": \"" + extension + "\", \"valueString\": \"2024\"}]").json(),
        "Consent.extension", "valuePeriod");
    assertRefused(edits().set("/extension", "[{\"url\": \"" + extension + "\", \"valuePeriod\": "
        + "{\"start\": \"2025-01-01T00:00:00Z\", \"end\": \"2024-01-01T00:00:00Z\"}}]").json(),
        "Consent.extension.valuePeriod", "ends", "before it starts");
  }

  // ---- provisions

  @Test
  void aMissingProvisionOrType() {
    assertRefused(edits().remove("/provision").json(), "Consent.provision", "required");
    assertRefused(edits().remove("/provision/type").json(), "Consent.provision.type", "permit or deny");
    assertRefused(edits().set("/provision/provision/0", "{\"purpose\": [{\"system\": \"" + ACT_REASON
        + "\", \"code\": \"HRESCH\"}]}").json(), "Consent.provision.provision[0].type", "required");
  }

  @Test
  void unknownCodingSystemsOrCodes() {
    assertRefused(edits().set("/provision/purpose/0/code", "\"HMARKT\"").json(),
        "Consent.provision.purpose[0].code", "unknown purpose of use code 'HMARKT'", "TREAT, ETREAT");
    assertRefused(edits().set("/provision/purpose/0/code", "\"treat\"").json(),
        "Consent.provision.purpose[0].code", "'treat'");
    assertRefused(edits().set("/provision/purpose/0/system", "\"http://snomed.info/sct\"").json(),
        "Consent.provision.purpose[0].system", "unknown coding system 'http://snomed.info/sct'", ACT_REASON);
    assertRefused(edits().remove("/provision/purpose/0/system").json(),
        "Consent.provision.purpose[0]", "needs a system and a code");
    assertRefused(edits().set("/provision/class/1/code", "\"Basic\"").json(),
        "Consent.provision.class[1].code", "'Basic'");
    assertRefused(edits().set("/provision/securityLabel", "[{\"system\": "
        + "\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\", \"code\": \"PSY\"}]").json(),
        "Consent.provision.securityLabel[0].code", "'PSY'", "N, R, V");
    assertRefused(edits().set("/provision/action/1/coding/0/code", "\"use\"").json(),
        "Consent.provision.action[1].coding[0].code", "'use'", "access, correct, disclose");
    assertRefused(edits().set("/provision/action/0/coding/1", "{\"system\": \"urn:medledger:action\", "
        + "\"code\": \"export\"}").json(), "Consent.provision.action[0]", "different actions (read, export)");
    assertRefused(edits().set("/provision/action/0", "{\"text\": \"read\"}").json(),
        "Consent.provision.action[0]", "needs a coding");
  }

  @Test
  void unreadableActors() {
    assertRefused(edits().set("/provision/actor/0/reference/identifier/system", "\"urn:oid:1.2.3\"").json(),
        "Consent.provision.actor[0].reference.identifier.system", "unknown actor identifier system",
        "urn:medledger:role");
    assertRefused(edits().set("/provision/actor/0/reference/identifier",
        "{\"system\": \"urn:medledger:role\", \"value\": \"surgeon\"}").json(),
        "Consent.provision.actor[0].reference.identifier.value", "unknown role 'surgeon'", "physician");
    assertRefused(edits().set("/provision/actor/0/reference/identifier",
        "{\"system\": \"urn:medledger:role\", \"value\": \"Physician\"}").json(),
        "Consent.provision.actor[0].reference.identifier.value", "'Physician'");
    assertRefused(edits().set("/provision/actor/0/reference/identifier",
        "{\"system\": \"urn:medledger:organisation\", \"value\": \"ACME\"}").json(),
        "Consent.provision.actor[0].reference.identifier.value", "invalid organisation id 'ACME'");
    assertRefused(edits().set("/provision/actor/0/reference/identifier/system",
        "\"urn:medledger:organisation:St-Mary\"").json(),
        "Consent.provision.actor[0].reference.identifier.system", "invalid organisation id 'St-Mary'");
    assertRefused(edits().set("/provision/actor/0/reference", "{\"reference\": \"Practitioner/7\"}").json(),
        "Consent.provision.actor[0].reference.reference", "literal references");
    assertRefused(edits().remove("/provision/actor/0/reference").json(),
        "Consent.provision.actor[0].reference", "required");
    assertRefused(edits().remove("/provision/actor/0/role").json(), "Consent.provision.actor[0].role", "required");
    assertRefused(edits().set("/provision/actor/0/role/coding/0/code", "\"CST\"").json(),
        "Consent.provision.actor[0].role.coding[0]", "CST", "PRCP or");
  }

  @Test
  void periodsThatEndBeforeTheyStartOrAreNotInstants() {
    assertRefused(edits().set("/provision/period", "{\"start\": \"2024-06-01T00:00:00Z\", "
        + "\"end\": \"2024-05-31T23:59:59.999Z\"}").json(), "Consent.provision.period", "before it starts");
    assertRefused(edits().set("/provision/period", "{\"start\": \"2024-06-01\"}").json(),
        "Consent.provision.period.start", "needs a time of day and a timezone");
    assertRefused(edits().set("/provision/period", "{\"end\": \"2024-06-01T10:00:00\"}").json(),
        "Consent.provision.period.end");
    assertRefused(edits().set("/provision/period", "{\"start\": \"2024-06-01T00:00:00.0001Z\"}").json(),
        "Consent.provision.period.start", "finer than a millisecond");
  }

  @Test
  void nestingDeeperThanAllowed() {
    String json = ConsentResources.toJson(grant(Period.ALWAYS, ConsentFixtures.nested(Provision.MAX_DEPTH)));
    String tooDeep = json.replace("\"code\": \"HRESCH\"\n", "\"code\": \"HRESCH\"\n}], \"provision\": [{\"type\": \"permit\"\n");
    assertRefused(tooDeep, "Consent.provision" + ".provision[0]".repeat(Provision.MAX_DEPTH), "nest deeper than 8");
  }

  @Test
  void elementsThatWouldChangeTheMeaningIfDropped() {
    assertRefused(edits().set("/provision/data", "[{\"meaning\": \"instance\", \"reference\": "
        + "{\"reference\": \"Observation/1\"}}]").json(), "Consent.provision.data[0]", "not supported");
    assertRefused(edits().set("/provision/dataPeriod", "{\"start\": \"2020-01-01T00:00:00Z\"}").json(),
        "Consent.provision.dataPeriod", "not supported");
    assertRefused(edits().set("/provision/provision/0", "{\"type\": \"deny\", \"code\": [{\"text\": \"x-rays\"}]}")
        .json(), "Consent.provision.provision[0].code[0]", "not supported");
    assertRefused(edits().set("/provision/extension", "[{\"url\": \"https://example.org/only-weekdays\", "
        + "\"valueBoolean\": true}]").json(), "Consent.provision.extension[0]",
        "extension 'https://example.org/only-weekdays' is not supported");
    assertRefused(edits().set("/provision/actor/0/modifierExtension", "[{\"url\": \"https://example.org/not\", "
        + "\"valueBoolean\": true}]").json(), "Consent.provision.actor[0].modifierExtension[0]", "modifier extensions");
    assertRefused(edits().set("/extension", "[{\"url\": \"https://example.org/x\", \"valueBoolean\": true}]").json(),
        "Consent.extension[0]", "not supported");
    assertRefused(simple().replace("\"status\": \"active\",",
        "\"status\": \"active\", \"_status\": {\"extension\": [{\"url\": \"https://example.org/y\", \"valueCode\": \"z\"}]},"),
        "Consent.status.extension[0]", "not supported");
    assertRefused(edits().set("/implicitRules", "\"https://example.org/rules\"").json(), "Consent.implicitRules",
        "not supported");
    assertRefused(edits().set("/contained", "[{\"resourceType\": \"Patient\", \"id\": \"p\"}]").json(),
        "Consent.contained", "not supported");
  }

  private static String simple() {
    return ConsentResources.toJson(ConsentFixtures.simple());
  }

  private static FhirJsonEdits edits() {
    return FhirJsonEdits.of(ConsentFixtures.simple());
  }

  private static void assertRefused(String json, String... messageParts) {
    assertThatThrownBy(() -> ConsentResources.fromJson(json))
        .isInstanceOf(FhirConsentException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .message().contains(messageParts).doesNotContain(": Consent."); // one path, not nested paths
  }
}
