package org.medledger.node.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.node.fhir.ConsentFixtures.JAN_2024;
import static org.medledger.node.fhir.ConsentFixtures.JAN_2025;
import static org.medledger.node.fhir.ConsentFixtures.PATIENT;
import static org.medledger.node.fhir.ConsentFixtures.PHYSICIAN;
import static org.medledger.node.fhir.ConsentFixtures.grant;
import static org.medledger.node.fhir.ConsentFixtures.withoutHash;

import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.Digest;
import org.medledger.pki.Role;

class ConsentResourcesTest {

  // ---- round trips

  @Test
  void aSimpleConsentRoundTrips() {
    assertRoundTrip(ConsentFixtures.simple());
  }

  @Test
  void everyKindOfActorEveryCodePeriodsAndNestedExceptionsRoundTrip() {
    assertRoundTrip(ConsentFixtures.everything());
  }

  @Test
  void eachActorKindRoundTripsOnItsOwn() {
    for (Party actor : List.of(PHYSICIAN, Party.organisation("acme-health"), Party.role(Role.NURSE),
        Party.person("north-clinic", "a.neil-smith_jr@home  2"))) {
      assertRoundTrip(grant(Period.ALWAYS, Provision.permit().actors(actor).build()));
    }
  }

  @Test
  void eachActionPurposeClassAndLabelRoundTripsOnItsOwn() {
    for (Action action : Action.values()) {
      assertRoundTrip(grant(Period.ALWAYS, Provision.permit().actions(action).build()));
    }
    for (PurposeOfUse purpose : PurposeOfUse.values()) {
      assertRoundTrip(grant(Period.ALWAYS, Provision.permit().purposes(purpose).build()));
    }
    for (DataClass dataClass : DataClass.values()) {
      assertRoundTrip(grant(Period.ALWAYS, Provision.deny().classes(dataClass).build()));
    }
    for (SecurityLabel label : SecurityLabel.values()) {
      assertRoundTrip(grant(Period.ALWAYS, Provision.deny().labels(label).build()));
    }
  }

  @Test
  void openEndedAndMillisecondPeriodsRoundTrip() {
    Instant odd = Instant.parse("2024-02-29T23:59:59.001Z");
    for (Period period : List.of(Period.from(JAN_2024), new Period(null, JAN_2025), Period.between(odd, odd.plusMillis(1)),
        Period.between(Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z")))) {
      assertRoundTrip(grant(period, Provision.permit().period(period).build()));
    }
  }

  @Test
  void provisionsNestedToTheDeepestAllowedRoundTrip() {
    assertRoundTrip(grant(Period.ALWAYS, ConsentFixtures.nested(Provision.MAX_DEPTH)));
  }

  @Test
  void aProvisionPeriodWithoutBoundsIsWrittenAsNoneAndMeansTheSame() {
    ConsentGrant unbounded = grant(Period.ALWAYS, Provision.permit().period(Period.ALWAYS).build());
    String json = ConsentResources.toJson(unbounded);
    assertThat(json).doesNotContain("period");
    assertThat(ConsentResources.fromJson(json).provision().period()).isNull();
  }

  // ---- what is written

  @Test
  void theJsonIsTheDocumentedFhirConsent() {
    String json = ConsentResources.toJson(ConsentFixtures.everything());
    org.hl7.fhir.r4.model.Consent fhir = parseWithHapi(json);
    assertThat(fhir.getIdElement().isEmpty()).isTrue();
    assertThat(fhir.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
    assertCoding(fhir.getScope().getCodingFirstRep(), Vocabulary.CONSENT_SCOPE, "patient-privacy");
    assertCoding(fhir.getCategoryFirstRep().getCodingFirstRep(), "http://loinc.org", "59284-0");
    assertCoding(fhir.getPolicyRule().getCodingFirstRep(), Vocabulary.ACT_CODE, "OPTIN");
    assertThat(fhir.getPatient().getIdentifier().getSystem()).isEqualTo("urn:medledger:organisation:st-mary");
    assertThat(fhir.getPatient().getIdentifier().getValue()).isEqualTo("Ann Smith");
    assertThat(fhir.getExtensionByUrl(Vocabulary.CONSENT_PERIOD_EXTENSION).getValue())
        .isInstanceOfSatisfying(org.hl7.fhir.r4.model.Period.class, period -> {
          assertThat(period.getStartElement().getValueAsString()).isEqualTo("2024-01-01T00:00:00.000Z");
          assertThat(period.getEndElement().getValueAsString()).isEqualTo("2024-12-31T23:59:59.999Z");
        });
    org.hl7.fhir.r4.model.Consent.ProvisionComponent root = fhir.getProvision();
    assertThat(root.getType()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
    assertThat(root.getActor()).extracting(actor -> actor.getRole().getCodingFirstRep().getCode(),
            actor -> actor.getReference().getIdentifier().getSystem(), actor -> actor.getReference().getIdentifier().getValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PRCP", "urn:medledger:organisation:st-mary", "Bob Jones"),
            org.assertj.core.groups.Tuple.tuple("IRCP", "urn:medledger:organisation", "acme-health"),
            org.assertj.core.groups.Tuple.tuple("PRCP", "urn:medledger:role", "researcher"));
    assertThat(root.getAction()).extracting(action -> action.getCodingFirstRep().getSystem() + "|"
            + action.getCodingFirstRep().getCode())
        .containsExactly(Vocabulary.CONSENT_ACTION + "|access", Vocabulary.CONSENT_ACTION + "|correct",
            Vocabulary.CONSENT_ACTION + "|disclose", "urn:medledger:action|export");
    assertThat(root.getSecurityLabel()).extracting(Coding::getSystem, Coding::getCode).contains(
        org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "V"),
        org.assertj.core.groups.Tuple.tuple(Vocabulary.ACT_CODE, "PSY"));
    assertThat(root.getPurpose()).extracting(Coding::getCode).containsExactly(
        "TREAT", "ETREAT", "HPAYMT", "HOPERAT", "HRESCH", "PATRQT", "PUBHLTH");
    assertThat(root.getClass_()).extracting(Coding::getSystem).containsOnly("http://hl7.org/fhir/resource-types");
    assertThat(root.getClass_()).extracting(Coding::getCode).contains("MedicationRequest", "AuditEvent");
    assertThat(root.getProvision()).extracting(nested -> nested.getType().toCode()).containsExactly("deny", "deny");
    assertThat(root.getProvision().get(0).getProvision().get(0).getPeriod().getEndElement().getValueAsString())
        .isEqualTo("2024-03-01T19:59:59.999Z");
    // R4 invariant ppc-1: a policy or a policyRule; ppc-2: a privacy consent names its patient
    assertThat(fhir.hasPolicyRule() && fhir.hasPatient()).isTrue();
  }

  @Test
  void theSimpleConsentIsExactlyThisJson() {
    assertThat(ConsentResources.toJson(ConsentFixtures.simple())).isEqualTo("""
        {
          "resourceType": "Consent",
          "status": "active",
          "scope": {
            "coding": [ {
              "system": "http://terminology.hl7.org/CodeSystem/consentscope",
              "code": "patient-privacy"
            } ]
          },
          "category": [ {
            "coding": [ {
              "system": "http://loinc.org",
              "code": "59284-0"
            } ]
          } ],
          "patient": {
            "identifier": {
              "system": "urn:medledger:organisation:st-mary",
              "value": "Ann Smith"
            }
          },
          "policyRule": {
            "coding": [ {
              "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
              "code": "OPTIN"
            } ]
          },
          "provision": {
            "type": "permit",
            "actor": [ {
              "role": {
                "coding": [ {
                  "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                  "code": "PRCP"
                } ]
              },
              "reference": {
                "identifier": {
                  "system": "urn:medledger:organisation:st-mary",
                  "value": "Bob Jones"
                }
              }
            } ],
            "action": [ {
              "coding": [ {
                "system": "http://terminology.hl7.org/CodeSystem/consentaction",
                "code": "access"
              } ]
            }, {
              "coding": [ {
                "system": "http://terminology.hl7.org/CodeSystem/consentaction",
                "code": "correct"
              } ]
            } ],
            "purpose": [ {
              "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason",
              "code": "TREAT"
            } ],
            "class": [ {
              "system": "http://hl7.org/fhir/resource-types",
              "code": "Observation"
            }, {
              "system": "http://hl7.org/fhir/resource-types",
              "code": "Condition"
            } ]
          }
        }""");
  }

  @Test
  void writingIsDeterministicWhateverOrderSetsWereBuiltIn() {
    ConsentGrant one = grant(Period.ALWAYS, Provision.permit()
        .actions(Action.EXPORT, Action.READ).purposes(PurposeOfUse.PUBHLTH, PurposeOfUse.TREAT)
        .classes(DataClass.PROVENANCE, DataClass.PATIENT).labels(SecurityLabel.GDIS, SecurityLabel.N).build());
    ConsentGrant other = grant(Period.ALWAYS, Provision.permit()
        .actions(Action.READ, Action.EXPORT).purposes(PurposeOfUse.TREAT, PurposeOfUse.PUBHLTH)
        .classes(DataClass.PATIENT, DataClass.PROVENANCE).labels(SecurityLabel.N, SecurityLabel.GDIS).build());
    assertThat(ConsentResources.toJson(one)).isEqualTo(ConsentResources.toJson(other))
        .isEqualTo(ConsentResources.toJson(one));
    assertThat(ConsentResources.toJson(ConsentFixtures.everything()))
        .isEqualTo(ConsentResources.toJson(ConsentFixtures.everything()))
        .doesNotContain("\r");
  }

  @Test
  void theGrantsOwnHashIsNotWritten() {
    ConsentGrant hashed = new ConsentGrant(PATIENT, Period.ALWAYS, ConsentFixtures.simple().provision(),
        Optional.of(Digest.sha256(new byte[] {1})));
    assertThat(ConsentResources.toJson(hashed)).isEqualTo(ConsentResources.toJson(ConsentFixtures.simple()));
  }

  @Test
  void aConsentOnChainCarriesItsIdAndStatus() {
    Consent active = ConsentFixtures.everything().toConsent("c-42.a");
    org.hl7.fhir.r4.model.Consent fhir = parseWithHapi(ConsentResources.toJson(active));
    assertThat(fhir.getIdElement().getIdPart()).isEqualTo("c-42.a");
    assertThat(fhir.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
    String revoked = ConsentResources.toJson(active.revoked());
    assertThat(parseWithHapi(revoked).getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
    // the same resource as the grant's apart from id and status
    assertThat(ConsentResources.toJson(active).replace("  \"id\": \"c-42.a\",\n", ""))
        .isEqualTo(ConsentResources.toJson(ConsentFixtures.everything()));
  }

  @Test
  void timesFinerThanAMillisecondOrOutsideFhirsYearsCannotBeWritten() {
    Instant fine = Instant.parse("2024-01-01T00:00:00.000500Z");
    assertThatThrownBy(() -> ConsentResources.toJson(grant(Period.from(fine), Provision.permit().build())))
        .isInstanceOf(FhirConsentException.class).hasMessageContaining("finer than a millisecond");
    assertThatThrownBy(() -> ConsentResources.toJson(grant(Period.ALWAYS,
        Provision.permit().period(Period.from(Instant.parse("+10000-01-01T00:00:00Z"))).build())))
        .isInstanceOf(FhirConsentException.class).hasMessageContaining("0001-9999");
  }

  // ---- what is read

  @Test
  void theHashIsOfTheGivenTextsUtf8Bytes() {
    String json = ConsentResources.toJson(ConsentFixtures.simple())
        .replace("\"status\": \"active\",", "\"status\": \"active\",\n  \"text\": {\"status\": \"generated\", "
            + "\"div\": \"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Zoë's consent</div>\"},");
    ConsentGrant grant = ConsentResources.fromJson(json);
    assertThat(grant.fhirSha256()).contains(Digest.sha256(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(grant.fhirSha256()).contains(ConsentResources.sha256(json));
    assertThat(withoutHash(grant)).isEqualTo(ConsentFixtures.simple());
    assertThat(ConsentResources.fromJson(json + "\n").fhirSha256()).isNotEqualTo(grant.fhirSha256());
  }

  @Test
  void descriptiveElementsAreAcceptedAndChangeNothing() {
    String json = FhirJsonEdits.of(ConsentFixtures.simple())
        .set("/id", "\"local-7\"")
        .set("/meta", "{\"versionId\": \"3\", \"lastUpdated\": \"2024-05-01T10:00:00Z\"}")
        .set("/identifier", "[{\"system\": \"urn:example:consents\", \"value\": \"A-1\"}]")
        .set("/dateTime", "\"2024-05-01T10:00:00+02:00\"")
        .set("/performer", "[{\"display\": \"Ann Smith\"}]")
        .set("/organization", "[{\"display\": \"St Mary's\"}]")
        .set("/sourceAttachment", "{\"title\": \"signed form\"}")
        .set("/verification", "[{\"verified\": true}]")
        .set("/patient/display", "\"Ann\"")
        .set("/scope/text", "\"privacy\"")
        .set("/provision/purpose/0/display", "\"treatment\"")
        .json();
    assertThat(withoutHash(ConsentResources.fromJson(json))).isEqualTo(ConsentFixtures.simple());
  }

  @Test
  void fhirEndsAreInclusiveAtTheirPrecisionAndAnyTimezoneIsRead() {
    String json = FhirJsonEdits.of(grant(Period.ALWAYS, Provision.permit().build()))
        .set("/provision/period", "{\"start\": \"2024-01-01T02:00:00+02:00\", \"end\": \"2024-12-31T23:59:59Z\"}")
        .json();
    assertThat(ConsentResources.fromJson(json).provision().period())
        .isEqualTo(Period.between(JAN_2024, JAN_2025));
    String tenths = FhirJsonEdits.of(grant(Period.ALWAYS, Provision.permit().build()))
        .set("/provision/period", "{\"end\": \"2024-12-31T23:59:59.9Z\"}").json();
    assertThat(ConsentResources.fromJson(tenths).provision().period()).isEqualTo(new Period(null, JAN_2025));
    String sameSecond = FhirJsonEdits.of(grant(Period.ALWAYS, Provision.permit().build()))
        .set("/provision/period", "{\"start\": \"2024-01-01T00:00:00Z\", \"end\": \"2024-01-01T00:00:00Z\"}").json();
    assertThat(ConsentResources.fromJson(sameSecond).provision().period())
        .isEqualTo(Period.between(JAN_2024, JAN_2024.plusSeconds(1)));
  }

  @Test
  void anActorMayBeAnInformationRecipientAndAnActionMayRepeatItsMeaning() {
    String json = FhirJsonEdits.of(ConsentFixtures.simple())
        .set("/provision/actor/0/role/coding/0/code", "\"IRCP\"")
        .set("/provision/action/0/coding/1",
            "{\"system\": \"http://terminology.hl7.org/CodeSystem/consentaction\", \"code\": \"access\"}")
        .json();
    assertThat(withoutHash(ConsentResources.fromJson(json))).isEqualTo(ConsentFixtures.simple());
  }

  private static void assertRoundTrip(ConsentGrant grant) {
    String json = ConsentResources.toJson(grant);
    ConsentGrant back = ConsentResources.fromJson(json);
    assertThat(withoutHash(back)).isEqualTo(withoutHash(grant));
    assertThat(back.fhirSha256()).contains(Digest.sha256(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(ConsentResources.toJson(back)).isEqualTo(json);
    parseWithHapi(json);
  }

  /** HAPI's own strict parser takes the JSON as a structurally valid R4 Consent. */
  static org.hl7.fhir.r4.model.Consent parseWithHapi(String json) {
    return FhirJson.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
        .parseResource(org.hl7.fhir.r4.model.Consent.class, json);
  }

  private static void assertCoding(Coding coding, String system, String code) {
    assertThat(coding.getSystem()).isEqualTo(system);
    assertThat(coding.getCode()).isEqualTo(code);
  }
}
