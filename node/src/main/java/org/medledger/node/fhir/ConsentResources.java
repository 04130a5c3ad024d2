package org.medledger.node.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.policy.Consent;
import org.medledger.ledger.Digest;

/**
 * FHIR R4 Consent resources (JSON, HAPI FHIR) for MedLedger consents, and back. The chain keeps
 * the structured consent and the SHA-256 of the FHIR JSON ({@link ConsentGrant#fhirSha256()});
 * the JSON itself may hold PHI and stays at the edge.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@code resourceType} Consent; {@code status} active (an inactive consent on chain: inactive);
 *       {@code scope} {@code http://terminology.hl7.org/CodeSystem/consentscope|patient-privacy};
 *       {@code category} LOINC {@code 59284-0} (Patient Consent); {@code policyRule}
 *       {@code http://terminology.hl7.org/CodeSystem/v3-ActCode|OPTIN} (what is not permitted is
 *       denied). A consent on chain has {@code id} = its consent id; a grant has no id.
 *   <li>{@code patient}: a Reference with only an identifier, system
 *       {@code urn:medledger:organisation:<org>}, value the patient's name there (FHIR ids cannot
 *       hold names such as {@code ann@example}).
 *   <li>The consent's own period: R4 has no Consent.period, so it is R5's element as the
 *       cross-version extension {@code http://hl7.org/fhir/5.0/StructureDefinition/extension-Consent.period}
 *       (valuePeriod) on Consent; left out when the consent has no bounds.
 *   <li>{@code provision.type} permit | deny; {@code provision.period}; {@code provision.actor[]}:
 *       {@code reference.identifier} is a person (system {@code urn:medledger:organisation:<org>},
 *       value the name), an organisation (system {@code urn:medledger:organisation}, value the
 *       organisation id) or the holders of a role (system {@code urn:medledger:role}, value the role
 *       id, e.g. {@code physician}); {@code role} is {@code v3-ParticipationType} PRCP (primary
 *       information recipient) for a person or a role, IRCP (information recipient) for an
 *       organisation, whose members receive the data. Either role is read for any actor.
 *   <li>{@code provision.action[]} ({@code http://terminology.hl7.org/CodeSystem/consentaction}):
 *       READ = access, WRITE = correct, DISCLOSE = disclose; EXPORT (taking data out of MedLedger)
 *       has no FHIR code (collect and use mean other things) and is {@code urn:medledger:action|export}.
 *   <li>{@code provision.securityLabel[]}: N, R, V in {@code v3-Confidentiality}; PSY, ETH, HIV, GDIS
 *       in {@code v3-ActCode}. {@code provision.purpose[]}: {@code v3-ActReason} codes (TREAT, ETREAT,
 *       HPAYMT, HOPERAT, HRESCH, PATRQT, PUBHLTH). {@code provision.class[]}:
 *       {@code http://hl7.org/fhir/resource-types} codes (Observation, MedicationRequest, ...).
 *   <li>{@code provision.provision[]}: nested provisions, at most {@link
 *       org.medledger.contracts.policy.Provision#MAX_DEPTH} levels.
 *   <li>Times: MedLedger's periods are [start, end) in milliseconds, a FHIR Period's end is inclusive
 *       at its precision; an end is written as end - 1 ms ({@code 2024-12-31T23:59:59.999Z} for an
 *       end at 2025-01-01T00:00Z), in UTC, and an end read back is followed by one unit of its
 *       precision. Dates without a time of day and timezone, and sub-millisecond times, are refused.
 * </ul>
 *
 * <h2>Writing</h2>
 * Deterministic: the same consent gives the same bytes (FHIR's element order, sets in their enum's
 * order, actors and nested provisions in their order, no timestamps, lines ending in {@code \n}).
 * Codings carry system and code only. A provision period without bounds is written as no period
 * (FHIR has no empty Period) and so reads back as {@code null}, which means the same.
 *
 * <h2>Reading</h2>
 * Strict, so that nothing that changes the consent's meaning is dropped: unique JSON keys, HAPI's
 * strict parser (unknown or misspelled elements are errors), only the codes above, and no element
 * MedLedger cannot enforce (provision.data, dataPeriod, code, policy, contained, implicitRules, other
 * extensions, modifier extensions). Descriptive elements (id, meta,
 * text, identifier, dateTime, performer, organization, source, verification) are allowed and not
 * read; they stay in the JSON and its hash. Display texts are ignored.
 *
 * <p>HAPI's FhirContext is built once per JVM, on first use (about a second); every method here
 * is thread-safe.
 */
public final class ConsentResources {
  private ConsentResources() {}

  /**
   * FHIR R4 Consent JSON (HAPI, pretty printed) for a grant; these exact UTF-8 bytes are what
   * {@link ConsentGrant#fhirSha256()} hashes. The grant's own {@code fhirSha256} is not written.
   *
   * @throws FhirConsentException if a time cannot be written as FHIR (sub-millisecond, or outside the
   *     years 1-9999)
   */
  public static String toJson(ConsentGrant grant) {
    return FhirJson.encode(ConsentWriter.write(grant.patient(), Consent.Status.ACTIVE, grant.period(),
        grant.provision()));
  }

  /** The same for a consent on chain: {@code id} is the consent's id, status active or inactive. */
  public static String toJson(Consent consent) {
    org.hl7.fhir.r4.model.Consent fhir = ConsentWriter.write(consent.patient(), consent.status(), consent.period(),
        consent.provision());
    fhir.setId(consent.id());
    return FhirJson.encode(fhir);
  }

  /**
   * Parses FHIR R4 Consent JSON into a grant whose {@code fhirSha256} is the SHA-256 of the given
   * text's UTF-8 bytes.
   *
   * @throws FhirConsentException if the text is not JSON, not an active FHIR R4 Consent, or holds
   *     an element, code or value MedLedger cannot enforce; the message names the element
   */
  public static ConsentGrant fromJson(String json) {
    ConsentGrant grant = ConsentReader.read(FhirJson.parse(json));
    return new ConsentGrant(grant.patient(), grant.period(), grant.provision(),
        Optional.of(sha256(json)));
  }

  /** The SHA-256 of {@code json}'s UTF-8 bytes: what a grant made from it commits to. */
  public static Digest sha256(String json) {
    return Digest.sha256(json.getBytes(StandardCharsets.UTF_8));
  }
}
