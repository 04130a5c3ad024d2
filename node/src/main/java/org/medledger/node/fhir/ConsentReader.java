package org.medledger.node.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.Extension;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.node.fhir.CodeTable.Code;

/** Reads a HAPI Consent into a MedLedger grant (mapping: {@link ConsentResources}); errors name the element. */
final class ConsentReader {
  private ConsentReader() {}

  /** The grant {@code resource} describes, without the hash of its text. */
  static ConsentGrant read(IBaseResource resource) {
    Consent consent = (Consent) resource;
    SupportedElements.check(consent);
    requireActive(consent);
    requireConcept(consent.getScope(), consent.hasScope(), "Consent.scope", List.of(Vocabulary.PATIENT_PRIVACY));
    requireConcepts(consent.getCategory(), "Consent.category", List.of(Vocabulary.PATIENT_CONSENT));
    requireConcept(consent.getPolicyRule(), consent.hasPolicyRule(), "Consent.policyRule",
        List.of(Vocabulary.OPT_IN));
    if (!consent.hasPatient()) {
      throw FhirConsentException.at("Consent.patient", "is required: the patient, by identifier (system "
          + PartyIdentifiers.MEMBER_OF + "<organisation>, value their name there)");
    }
    PatientId patient = PartyIdentifiers.patient(consent.getPatient(), "Consent.patient");
    Period period = consentPeriod(consent);
    if (!consent.hasProvision()) {
      throw FhirConsentException.at("Consent.provision", "is required: MedLedger enforces a consent's provisions, "
          + "and a consent without one permits nothing");
    }
    return new ConsentGrant(patient, period, provision(consent.getProvision(), "Consent.provision", 1),
        Optional.empty());
  }

  private static void requireActive(Consent consent) {
    if (!consent.hasStatus()) {
      throw FhirConsentException.at("Consent.status", "is required (active)");
    }
    if (consent.getStatus() != ConsentState.ACTIVE) {
      throw FhirConsentException.at("Consent.status", "is '" + consent.getStatus().toCode()
          + "': only an active consent can be granted");
    }
  }

  /** A required concept (e.g. Consent.scope) whose every coding is one of {@code allowed}. */
  private static void requireConcept(CodeableConcept concept, boolean present, String path, List<Code> allowed) {
    if (!present) {
      throw FhirConsentException.at(path, "is required (" + expected(allowed) + ")");
    }
    checkCodings(concept, path, allowed);
  }

  /** At least one concept (e.g. Consent.category), and every coding of each one of {@code allowed}. */
  private static void requireConcepts(List<CodeableConcept> concepts, String path, List<Code> allowed) {
    if (concepts.isEmpty()) {
      throw FhirConsentException.at(path, "is required (" + expected(allowed) + ")");
    }
    for (int i = 0; i < concepts.size(); i++) {
      checkCodings(concepts.get(i), path + "[" + i + "]", allowed);
    }
  }

  private static void checkCodings(CodeableConcept concept, String path, List<Code> allowed) {
    if (!concept.hasCoding()) {
      throw FhirConsentException.at(path, "needs a coding (" + expected(allowed) + ")");
    }
    for (int j = 0; j < concept.getCoding().size(); j++) {
      Coding coding = concept.getCoding().get(j);
      if (!allowed.contains(Vocabulary.code(coding))) {
        throw FhirConsentException.at(path + ".coding[" + j + "]", "unknown code " + Vocabulary.code(coding)
            + " (expected " + expected(allowed) + ")");
      }
    }
  }

  private static String expected(List<Code> allowed) {
    return allowed.stream().map(Code::toString).collect(Collectors.joining(" or "));
  }

  private static Period consentPeriod(Consent consent) {
    List<Extension> periods = consent.getExtensionsByUrl(Vocabulary.CONSENT_PERIOD_EXTENSION);
    if (periods.isEmpty()) {
      return Period.ALWAYS;
    }
    String path = "Consent.extension";
    if (periods.size() > 1) {
      throw FhirConsentException.at(path, "the consent's period is given " + periods.size() + " times");
    }
    if (!(periods.get(0).getValue() instanceof org.hl7.fhir.r4.model.Period value)) {
      throw FhirConsentException.at(path, Vocabulary.CONSENT_PERIOD_EXTENSION + " needs a valuePeriod");
    }
    Period period = FhirPeriods.fromFhir(value, path + ".valuePeriod");
    return period == null ? Period.ALWAYS : period;
  }

  private static Provision provision(ProvisionComponent fhir, String path, int depth) {
    if (depth > Provision.MAX_DEPTH) {
      throw FhirConsentException.at(path, "provisions nest deeper than " + Provision.MAX_DEPTH
          + " levels, the most MedLedger allows");
    }
    if (!fhir.hasType()) {
      throw FhirConsentException.at(path + ".type", "is required (permit or deny)");
    }
    Provision.Type type = fhir.getType() == Consent.ConsentProvisionType.PERMIT
        ? Provision.Type.PERMIT : Provision.Type.DENY;
    Period period = fhir.hasPeriod() ? FhirPeriods.fromFhir(fhir.getPeriod(), path + ".period") : null;
    List<Party> actors = new ArrayList<>();
    for (int i = 0; i < fhir.getActor().size(); i++) {
      actors.add(actor(fhir.getActor().get(i), path + ".actor[" + i + "]"));
    }
    Set<Action> actions = EnumSet.noneOf(Action.class);
    for (int i = 0; i < fhir.getAction().size(); i++) {
      actions.add(action(fhir.getAction().get(i), path + ".action[" + i + "]"));
    }
    Set<SecurityLabel> labels = codes(fhir.getSecurityLabel(), Vocabulary.LABELS, SecurityLabel.class,
        path + ".securityLabel");
    Set<PurposeOfUse> purposes = codes(fhir.getPurpose(), Vocabulary.PURPOSES, PurposeOfUse.class, path + ".purpose");
    Set<DataClass> classes = codes(fhir.getClass_(), Vocabulary.CLASSES, DataClass.class, path + ".class");
    List<Provision> nested = new ArrayList<>();
    for (int i = 0; i < fhir.getProvision().size(); i++) {
      nested.add(provision(fhir.getProvision().get(i), path + ".provision[" + i + "]", depth + 1));
    }
    try {
      return new Provision(type, period, actors, actions, purposes, classes, labels, nested);
    } catch (IllegalArgumentException e) {
      throw FhirConsentException.at(path, e);
    }
  }

  private static Party actor(provisionActorComponent actor, String path) {
    requireConcept(actor.getRole(), actor.hasRole(), path + ".role", Vocabulary.ACTOR_ROLES);
    if (!actor.hasReference()) {
      throw FhirConsentException.at(path + ".reference", "is required: who the provision applies to");
    }
    return PartyIdentifiers.party(actor.getReference(), path + ".reference");
  }

  /** One action; a concept may carry several codings only if they all mean that action. */
  private static Action action(CodeableConcept concept, String path) {
    if (!concept.hasCoding()) {
      throw FhirConsentException.at(path, "needs a coding (consent action)");
    }
    Action action = null;
    for (int j = 0; j < concept.getCoding().size(); j++) {
      Action coded = Vocabulary.ACTIONS.constant(concept.getCoding().get(j), path + ".coding[" + j + "]");
      if (action != null && action != coded) {
        throw FhirConsentException.at(path, "its codings mean different actions (" + action.id() + ", "
            + coded.id() + "): list each action separately");
      }
      action = coded;
    }
    return action;
  }

  private static <E extends Enum<E>> Set<E> codes(List<Coding> codings, CodeTable<E> table, Class<E> type,
      String path) {
    Set<E> values = EnumSet.noneOf(type);
    for (int i = 0; i < codings.size(); i++) {
      values.add(table.constant(codings.get(i), path + "[" + i + "]"));
    }
    return values;
  }
}
