package org.medledger.node.fhir;

import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.provisionActorComponent;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Extension;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;

/** Builds the HAPI Consent for a MedLedger consent (mapping: {@link ConsentResources}). */
final class ConsentWriter {
  private ConsentWriter() {}

  /** A consent without id, as a grant describes it; {@code status} is active or inactive. */
  static org.hl7.fhir.r4.model.Consent write(
      PatientId patient, Consent.Status status, Period period, Provision provision) {
    org.hl7.fhir.r4.model.Consent fhir = new org.hl7.fhir.r4.model.Consent();
    if (FhirPeriods.isBounded(period)) {
      fhir.addExtension(new Extension(Vocabulary.CONSENT_PERIOD_EXTENSION,
          FhirPeriods.toFhir(period, "the consent's period")));
    }
    fhir.setStatus(status == Consent.Status.ACTIVE ? ConsentState.ACTIVE : ConsentState.INACTIVE);
    fhir.setScope(Vocabulary.concept(Vocabulary.PATIENT_PRIVACY));
    fhir.addCategory(Vocabulary.concept(Vocabulary.PATIENT_CONSENT));
    fhir.setPatient(PartyIdentifiers.reference(patient));
    fhir.setPolicyRule(Vocabulary.concept(Vocabulary.OPT_IN));
    fhir.setProvision(provision(provision));
    return fhir;
  }

  private static ProvisionComponent provision(Provision provision) {
    ProvisionComponent fhir = new ProvisionComponent();
    fhir.setType(provision.type() == Provision.Type.PERMIT ? ConsentProvisionType.PERMIT : ConsentProvisionType.DENY);
    if (FhirPeriods.isBounded(provision.period())) {
      fhir.setPeriod(FhirPeriods.toFhir(provision.period(), "a provision's period"));
    }
    for (Party actor : provision.actors()) {
      fhir.addActor(new provisionActorComponent()
          .setRole(Vocabulary.concept(actor instanceof Party.Organisation
              ? Vocabulary.RECIPIENT : Vocabulary.PRIMARY_RECIPIENT))
          .setReference(PartyIdentifiers.reference(actor)));
    }
    inOrder(provision.actions(), Vocabulary.ACTIONS::coding, coding -> fhir.addAction().addCoding(coding));
    inOrder(provision.labels(), Vocabulary.LABELS::coding, fhir::addSecurityLabel);
    inOrder(provision.purposes(), Vocabulary.PURPOSES::coding, fhir::addPurpose);
    inOrder(provision.classes(), Vocabulary.CLASSES::coding, fhir::addClass_);
    for (Provision nested : provision.provisions()) {
      fhir.addProvision(provision(nested));
    }
    return fhir;
  }

  /** Sets are written in the order their enum declares: the same consent gives the same bytes. */
  private static <E extends Enum<E>> void inOrder(
      Collection<E> values, Function<E, Coding> coding, Consumer<Coding> add) {
    values.stream().sorted().map(coding).forEach(add);
  }
}
