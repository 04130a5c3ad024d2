package org.medledger.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.contracts.policy.Fixtures.CUSTODIAN;
import static org.medledger.contracts.policy.Fixtures.PATIENT;
import static org.medledger.contracts.policy.Fixtures.T;
import static org.medledger.contracts.policy.Fixtures.hoursFromT;
import static org.medledger.contracts.policy.Fixtures.read;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medledger.pki.Role;

/** Bad values are refused on creation with a clear IllegalArgumentException. */
class ModelValidationTest {

  @Test
  void aPeriodEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> Period.between(T, T.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must end after it starts: ends 2025-06-01T11:59:59Z, starts 2025-06-01T12:00:00Z");
    assertThatThrownBy(() -> Period.between(T, T)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end after it starts");
  }

  @Test
  void aPeriodIsHalfOpen() {
    Period period = Period.between(T, hoursFromT(1));

    assertThat(period.contains(T)).isTrue();
    assertThat(period.contains(hoursFromT(1))).isFalse();
    assertThat(period.contains(T.minusNanos(1))).isFalse();
    assertThat(Period.ALWAYS.contains(java.time.Instant.EPOCH)).isTrue();
  }

  @Test
  void aBlankBreakGlassReasonIsRefused() {
    assertThatThrownBy(() -> new BreakGlass(Party.person("city-clinic", "dr-bob"), PATIENT, "  \t",
        T, hoursFromT(4), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the break-glass reason must be a non-blank written reason");
    assertThatThrownBy(() -> read(Role.PHYSICIAN, PurposeOfUse.ETREAT, DataClass.OBSERVATION)
        .withBreakGlassReason(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the break-glass reason must be a non-blank written reason");
  }

  @Test
  void anOverlongBreakGlassReasonIsRefused() {
    String essay = "x".repeat(1001);

    assertThatThrownBy(() -> new BreakGlass(Party.person("city-clinic", "dr-bob"), PATIENT, essay, T,
        hoursFromT(4), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the break-glass reason is too long: 1001 characters (at most 1000)");
  }

  @Test
  void aBreakGlassGrantMustExpireAfterItIsGranted() {
    assertThatThrownBy(() -> new BreakGlass(Party.person("city-clinic", "dr-bob"), PATIENT, "arrest", T, T, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("break-glass must expire after it is granted");
  }

  @Test
  void aGrantNeedsTheDeclarationsReason() {
    AccessRequest noReason = read(Role.PHYSICIAN, PurposeOfUse.ETREAT, DataClass.OBSERVATION);

    assertThatThrownBy(() -> BreakGlass.grant(noReason, PolicyParameters.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the break-glass reason must be a non-blank written reason");
  }

  @Test
  void anUnknownPurposeCodeIsRefusedWithTheListOfCodes() {
    assertThatThrownBy(() -> PurposeOfUse.parse("MARKETING"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown purpose of use 'MARKETING' (one of: TREAT, ETREAT, HPAYMT, HOPERAT, HRESCH, PATRQT, PUBHLTH)");
    assertThat(PurposeOfUse.parse(" treat ")).isEqualTo(PurposeOfUse.TREAT);
  }

  @Test
  void anUnknownDataClassIsRefusedWithTheListOfClasses() {
    assertThatThrownBy(() -> DataClass.parse("Medication"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown data class 'Medication': not a FHIR R4 resource type MedLedger stores (one of: "
            + "Patient, Encounter, Observation,")
        .hasMessageEndingWith("AuditEvent, Provenance)");
    assertThatThrownBy(() -> DataClass.parse("observation")).isInstanceOf(IllegalArgumentException.class);
    assertThat(DataClass.parse("ExplanationOfBenefit")).isEqualTo(DataClass.EXPLANATION_OF_BENEFIT);
  }

  @Test
  void everyDataClassParsesFromItsFhirName() {
    for (DataClass dataClass : DataClass.values()) {
      assertThat(DataClass.parse(dataClass.fhirType())).isEqualTo(dataClass);
    }
    assertThat(DataClass.PAYMENT).containsExactlyInAnyOrder(DataClass.CLAIM, DataClass.CLAIM_RESPONSE,
        DataClass.COVERAGE, DataClass.EXPLANATION_OF_BENEFIT, DataClass.ENCOUNTER);
  }

  @Test
  void unknownLabelsAndActionsAreRefused() {
    assertThatThrownBy(() -> SecurityLabel.parse("SECRET"))
        .hasMessage("unknown security label 'SECRET' (one of: N, R, V, PSY, ETH, HIV, GDIS)");
    assertThatThrownBy(() -> Action.parse("delete"))
        .hasMessage("unknown action 'delete' (one of: read, write, disclose, export)");
    assertThat(SecurityLabel.parse("psy").isSensitive()).isTrue();
    assertThat(SecurityLabel.R.isSensitive()).isFalse();
  }

  @Test
  void aConsentNeedsAFhirIdAndARootProvision() {
    assertThatThrownBy(() -> Consent.active("no spaces", PATIENT, Period.ALWAYS, Provision.permit().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid consent id 'no spaces': 1-64 letters, digits, '-' and '.' (a FHIR id)");
    assertThatThrownBy(() -> Consent.active("c-1", PATIENT, Period.ALWAYS, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the consent's root provision is required");
  }

  @Test
  void provisionsNestAtMostEightDeep() {
    Provision provision = Provision.deny().build();
    for (int depth = 2; depth <= Provision.MAX_DEPTH; depth++) {
      provision = Provision.permit().except(provision).build();
    }
    Provision deepest = provision;

    assertThat(deepest.depth()).isEqualTo(8);
    assertThatThrownBy(() -> Provision.permit().except(deepest).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("provisions nest 9 deep; at most 8 levels are allowed");
  }

  @Test
  void provisionListsAreCopiedAndRejectNull() {
    assertThatThrownBy(() -> Provision.permit().actions(Action.READ, null).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a provision's actions must not contain null");
    Provision provision = Provision.permit().actions(Action.WRITE, Action.READ, Action.READ).build();
    assertThat(provision.actions()).containsExactly(Action.READ, Action.WRITE);
    assertThatThrownBy(() -> provision.actions().add(Action.EXPORT)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesAndOrganisationsAreValidated() {
    assertThatThrownBy(() -> PatientId.of("st-mary", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid name ''");
    assertThatThrownBy(() -> Party.person("st-mary", "bob<script>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Requester.of("st-mary", "bob", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the requester's role is required");
  }

  @Test
  void aRelationshipNamesAPersonOrAnOrganisation() {
    assertThatThrownBy(() -> new Relationship(PATIENT, Party.role(Role.PHYSICIAN), Relationship.Kind.CARE_TEAM,
        Period.ALWAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a treating relationship names a person or an organisation, not role physician");
  }

  @Test
  void aPatientCannotBeTheirOwnDelegate() {
    assertThatThrownBy(() -> new Delegation(PATIENT, PATIENT.asPerson(), Set.of(), Set.of(), Period.ALWAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a patient cannot be their own delegate: pat-ana@st-mary");
  }

  @Test
  void aRequestNeedsItsParts() {
    assertThatThrownBy(() -> new AccessRequest(Fixtures.requester(Role.NURSE), PATIENT, Action.READ, null,
        DataClass.OBSERVATION, Set.of(), CUSTODIAN, T, Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the purpose of use is required");
    assertThatThrownBy(() -> new AccessRequest(Fixtures.requester(Role.NURSE), PATIENT, Action.READ,
        PurposeOfUse.TREAT, DataClass.OBSERVATION, Set.of(), CUSTODIAN, null, Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the block time is required");
  }

  @Test
  void policyParametersAreValidated() {
    PolicyParameters defaults = PolicyParameters.defaults();

    assertThatThrownBy(() -> defaults.withBreakGlassDuration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the break-glass duration must be a positive duration, not PT0S");
    assertThatThrownBy(() -> defaults.withReviewDeadline(Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the break-glass review deadline must be a positive duration, not PT-1H");
    assertThatThrownBy(() -> defaults.withRule(Role.PHARMACIST, PurposeOfUse.ETREAT,
        AccessRule.of(AccessBasis.CARE, Set.of(DataClass.OBSERVATION), Set.of(Action.READ))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the rule of pharmacist for ETREAT: ETREAT, and only ETREAT, is decided by break-glass");
    assertThatThrownBy(() -> AccessRule.of(AccessBasis.CARE, Set.of(), Set.of(Action.READ)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one data class");
  }

  @Test
  void theDefaultPolicyIsTheOneOfIssue5() {
    PolicyParameters defaults = PolicyParameters.defaults();

    assertThat(defaults.breakGlassDuration()).isEqualTo(Duration.ofHours(4));
    assertThat(defaults.reviewDeadline()).isEqualTo(Duration.ofHours(72));
    assertThat(defaults.sensitiveLabels()).containsExactly(SecurityLabel.PSY, SecurityLabel.ETH, SecurityLabel.HIV,
        SecurityLabel.GDIS);
    assertThat(defaults.grantsAnything(Role.REGISTRAR)).isFalse();
    assertThat(defaults.grantsAnything(Role.VALIDATOR)).isFalse();
    assertThat(defaults.rule(Role.INSURER, PurposeOfUse.HPAYMT).orElseThrow().classes())
        .isEqualTo(DataClass.PAYMENT);
    assertThat(defaults.matrix().keySet()).doesNotContain(Role.REGISTRAR, Role.VALIDATOR);
    assertThatThrownBy(() -> defaults.matrix().put(Role.REGISTRAR, Map.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void decisionsAreConsistent() {
    assertThatThrownBy(() -> Decision.deny(ReasonCode.CONSENT, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason consent cannot explain a DENY");
    assertThatThrownBy(() -> new Decision(Decision.Effect.DENY, ReasonCode.NO_CONSENT, "no",
        java.util.List.of(Obligation.NOTIFY_PATIENT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a deny carries no obligations");
    assertThatThrownBy(() -> new Obligation(Obligation.Kind.REVIEW_WITHIN, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Obligation.reviewWithin(Duration.ofHours(72))).hasToString("REVIEW_WITHIN(PT72H)");
    assertThat(ReasonCode.SENSITIVE_NEEDS_CONSENT.code()).isEqualTo("sensitive-needs-consent");
    assertThat(ReasonCode.parse("break-glass-expired")).isEqualTo(ReasonCode.BREAK_GLASS_EXPIRED);
  }
}
