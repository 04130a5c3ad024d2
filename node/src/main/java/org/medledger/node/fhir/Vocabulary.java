package org.medledger.node.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.node.fhir.CodeTable.Code;

/** The code systems and codes of MedLedger's FHIR Consent mapping (see {@link ConsentResources}). */
final class Vocabulary {
  static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  static final String LOINC = "http://loinc.org";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  static final String CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";
  static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
  /** MedLedger's own actions where FHIR has no code: {@code export}. */
  static final String MEDLEDGER_ACTION = "urn:medledger:action";

  /** Consent.scope: a privacy consent. */
  static final Code PATIENT_PRIVACY = new Code(CONSENT_SCOPE, "patient-privacy");
  /** Consent.category: LOINC "Patient Consent". */
  static final Code PATIENT_CONSENT = new Code(LOINC, "59284-0");
  /** Consent.policyRule: opt-in, what is not permitted is denied. */
  static final Code OPT_IN = new Code(ACT_CODE, "OPTIN");
  /** Actor role of a person or a role's holders: primary information recipient. */
  static final Code PRIMARY_RECIPIENT = new Code(PARTICIPATION_TYPE, "PRCP");
  /** Actor role of an organisation, whose members receive the information: information recipient. */
  static final Code RECIPIENT = new Code(PARTICIPATION_TYPE, "IRCP");
  /** The actor roles MedLedger reads; both mean "the actor is who the provision lets in or keeps out". */
  static final List<Code> ACTOR_ROLES = List.of(PRIMARY_RECIPIENT, RECIPIENT);

  /**
   * R5's Consent.period as an R4 cross-version extension (valuePeriod): the period of the whole
   * consent, which R4 has no element for.
   */
  static final String CONSENT_PERIOD_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Consent.period";

  static final CodeTable<Action> ACTIONS = CodeTable.of("consent action", Action.class, Vocabulary::actionCode);
  static final CodeTable<PurposeOfUse> PURPOSES = CodeTable.of("purpose of use", PurposeOfUse.class,
      purpose -> new Code(PurposeOfUse.SYSTEM, purpose.code()));
  static final CodeTable<DataClass> CLASSES = CodeTable.of("data class", DataClass.class,
      dataClass -> new Code(RESOURCE_TYPES, dataClass.fhirType()));
  static final CodeTable<SecurityLabel> LABELS = CodeTable.of("security label", SecurityLabel.class,
      label -> new Code(label.kind().system(), label.code()));

  private Vocabulary() {}

  private static Code actionCode(Action action) {
    switch (action) {
      case READ:
        return new Code(CONSENT_ACTION, "access");
      case WRITE:
        return new Code(CONSENT_ACTION, "correct");
      case DISCLOSE:
        return new Code(CONSENT_ACTION, "disclose");
      case EXPORT:
        // consentaction has collect, access, use, disclose and correct: none means "take out of the system"
        return new Code(MEDLEDGER_ACTION, "export");
      default:
        throw new IllegalStateException("no FHIR code for action " + action);
    }
  }

  static Coding coding(Code code) {
    return new Coding().setSystem(code.system()).setCode(code.code());
  }

  static CodeableConcept concept(Code code) {
    return new CodeableConcept().addCoding(coding(code));
  }

  static Code code(Coding coding) {
    return new Code(coding.getSystem(), coding.getCode());
  }
}
