package org.medledger.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.policy.Fixtures.CUSTODIAN;
import static org.medledger.contracts.policy.Fixtures.PATIENT;
import static org.medledger.contracts.policy.Fixtures.T;
import static org.medledger.contracts.policy.Fixtures.daysFromT;
import static org.medledger.contracts.policy.Fixtures.hoursFromT;
import static org.medledger.contracts.policy.Fixtures.read;
import static org.medledger.contracts.policy.Fixtures.request;
import static org.medledger.contracts.policy.Fixtures.requester;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medledger.pki.Role;

/** The rules of the policy decision point that the authorization matrix does not vary. */
class PolicyDecisionPointTest {
  static final Requester DR_BOB = requester(Role.PHYSICIAN);
  static final Requester DR_EVE = Requester.of("city-clinic", "dr-eve", Role.PHYSICIAN);
  static final Requester NURSE_AT_OTHER_ORG = Requester.of("north-hospital", "nurse-kim", Role.NURSE);

  static Decision decide(AccessRequest request, PolicyState state) {
    return PolicyDecisionPoint.decide(request, state);
  }

  static Consent consent(String id, Provision root) {
    return Consent.active(id, PATIENT, Period.from(daysFromT(-10)), root);
  }

  static AccessRequest readObservation(Requester requester, SecurityLabel... labels) {
    return request(requester, Action.READ, PurposeOfUse.TREAT, DataClass.OBSERVATION, labels);
  }

  @Nested
  class ConsentActors {
    @Test
    void aConsentNamingTheRequestersOrganisationPermits() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-org", Provision.permit().actors(Party.organisation("city-clinic")).build()));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(readObservation(NURSE_AT_OTHER_ORG), state).reason())
          .isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
    }

    @Test
    void aConsentNamingTheRequestersRolePermits() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-role", Provision.permit().actors(Party.role(Role.NURSE)).build()));

      assertThat(decide(readObservation(NURSE_AT_OTHER_ORG), state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(readObservation(DR_BOB), state).isPermit()).isFalse();
    }

    @Test
    void aConsentNamingSomeoneElseDoesNotPermit() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-eve", Provision.permit().actors(DR_EVE.asPerson()).build()));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
    }

    @Test
    void aConsentOfAnotherPatientIsIgnored() {
      Consent otherPatients = Consent.active("c-other", PatientId.of("st-mary", "pat-max"), Period.ALWAYS,
          Provision.permit().build());

      Decision decision = decide(readObservation(DR_BOB), TestPolicyState.empty().with(otherPatients));

      assertThat(decision.reason()).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
    }
  }

  @Nested
  class Relationships {
    @Test
    void aRelationshipWithTheRequestersOrganisationPermits() {
      TestPolicyState state = TestPolicyState.empty().with(new Relationship(PATIENT,
          Party.organisation("city-clinic"), Relationship.Kind.ADMISSION, Period.from(daysFromT(-1))));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.TREATING_RELATIONSHIP);
      assertThat(decide(readObservation(NURSE_AT_OTHER_ORG), state).isPermit()).isFalse();
    }

    @Test
    void aRelationshipEndsAtTheEndOfItsPeriod() {
      Relationship referral = new Relationship(PATIENT, DR_BOB.asPerson(), Relationship.Kind.REFERRAL,
          Period.between(daysFromT(-5), T));
      TestPolicyState state = TestPolicyState.empty().with(referral);

      assertThat(decide(readObservation(DR_BOB).at(T.minusSeconds(1)), state).isPermit()).isTrue();
      assertThat(decide(readObservation(DR_BOB), state).isPermit()).isFalse();
    }

    @Test
    void aRelationshipThatHasNotStartedDoesNotPermit() {
      TestPolicyState state = TestPolicyState.empty().with(new Relationship(PATIENT, DR_BOB.asPerson(),
          Relationship.Kind.ADMISSION, Period.from(hoursFromT(1))));

      assertThat(decide(readObservation(DR_BOB), state).isPermit()).isFalse();
    }
  }

  @Nested
  class SensitiveLabels {
    @Test
    void aConsentMustNameEverySensitiveLabelOfTheData() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-psy", Provision.permit().actors(DR_BOB.asPerson()).labels(SecurityLabel.PSY).build()));

      assertThat(decide(readObservation(DR_BOB, SecurityLabel.PSY), state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(readObservation(DR_BOB, SecurityLabel.PSY, SecurityLabel.HIV), state).reason())
          .isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
    }

    @Test
    void labelsNamedByAnEnclosingProvisionCount() {
      // "deny mental-health data, except to Dr Bob": the exception inherits the label from its parent
      Provision root = Provision.permit()
          .except(Provision.deny().labels(SecurityLabel.PSY)
              .except(Provision.permit().actors(DR_BOB.asPerson()).build())
              .build())
          .build();
      TestPolicyState state = TestPolicyState.empty().with(consent("c-psy", root));

      assertThat(decide(readObservation(DR_BOB, SecurityLabel.PSY), state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(readObservation(DR_EVE, SecurityLabel.PSY), state).reason())
          .isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }

    @Test
    void aRelationshipIsNotEnoughForSensitiveData() {
      TestPolicyState state = TestPolicyState.empty().with(new Relationship(PATIENT, DR_BOB.asPerson(),
          Relationship.Kind.CARE_TEAM, Period.ALWAYS));

      assertThat(decide(readObservation(DR_BOB, SecurityLabel.N), state).isPermit()).isTrue();
      assertThat(decide(readObservation(DR_BOB, SecurityLabel.R, SecurityLabel.ETH), state).reason())
          .isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
    }

    @Test
    void theSensitiveSetIsAPolicyParameter() {
      TestPolicyState state = TestPolicyState.empty()
          .with(new Relationship(PATIENT, DR_BOB.asPerson(), Relationship.Kind.CARE_TEAM, Period.ALWAYS))
          .with(PolicyParameters.defaults().withSensitiveLabels(EnumSet.of(SecurityLabel.V, SecurityLabel.PSY)));

      assertThat(decide(readObservation(DR_BOB, SecurityLabel.V), state).reason())
          .isEqualTo(ReasonCode.SENSITIVE_NEEDS_CONSENT);
      assertThat(decide(readObservation(DR_BOB, SecurityLabel.HIV), state).reason())
          .isEqualTo(ReasonCode.TREATING_RELATIONSHIP);
    }
  }

  @Nested
  class Provisions {
    @Test
    void optOutWithAnExceptionPermitsOnlyTheException() {
      // "nobody, except Dr Bob for treatment"
      Provision root = Provision.deny()
          .except(Provision.permit().actors(DR_BOB.asPerson()).purposes(PurposeOfUse.TREAT).build())
          .build();
      TestPolicyState state = TestPolicyState.empty().with(consent("c-opt-out", root))
          .with(new Relationship(PATIENT, DR_EVE.asPerson(), Relationship.Kind.CARE_TEAM, Period.ALWAYS));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(readObservation(DR_EVE), state).reason()).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }

    @Test
    void theDeepestMatchingProvisionDecides() {
      // permit Dr Bob; except Condition (deny); except Condition for treatment within the last day (permit)
      Provision root = Provision.permit().actors(DR_BOB.asPerson())
          .except(Provision.deny().classes(DataClass.CONDITION)
              .except(Provision.permit().period(Period.from(daysFromT(-1))).build())
              .build())
          .build();
      TestPolicyState state = TestPolicyState.empty().with(consent("c-1", root));
      AccessRequest condition = request(DR_BOB, Action.READ, PurposeOfUse.TREAT, DataClass.CONDITION);

      assertThat(decide(condition, state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(condition.at(daysFromT(-2)), state).reason()).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }

    @Test
    void betweenBranchesDenyWins() {
      Provision root = Provision.permit()
          .except(Provision.permit().actors(DR_BOB.asPerson()).build(),
              Provision.deny().classes(DataClass.OBSERVATION).build())
          .build();
      TestPolicyState state = TestPolicyState.empty().with(consent("c-1", root));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }

    @Test
    void aProvisionOutsideItsOwnPeriodDoesNotApply() {
      Provision root = Provision.permit().actors(DR_BOB.asPerson())
          .period(Period.between(daysFromT(-5), daysFromT(-1))).build();
      TestPolicyState state = TestPolicyState.empty().with(consent("c-1", root));

      assertThat(decide(readObservation(DR_BOB), state).isPermit()).isFalse();
      assertThat(decide(readObservation(DR_BOB).at(daysFromT(-2)), state).isPermit()).isTrue();
    }

    @Test
    void aConsentBeforeItsPeriodDoesNotApply() {
      TestPolicyState state = TestPolicyState.empty().with(Consent.active("c-1", PATIENT,
          Period.from(hoursFromT(1)), Provision.permit().actors(DR_BOB.asPerson()).build()));

      assertThat(decide(readObservation(DR_BOB), state).isPermit()).isFalse();
    }

    @Test
    void denyOverridesPermitAcrossConsents() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-permit", Provision.permit().actors(DR_BOB.asPerson()).build()))
          .with(consent("c-deny", Provision.deny().actors(DR_BOB.asPerson()).build()));

      Decision decision = decide(readObservation(DR_BOB), state);

      assertThat(decision.reason()).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
      assertThat(decision.message()).contains("c-deny");
    }

    @Test
    void aDenyForAnotherActionDoesNotDenyThisOne() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-1", Provision.permit().actors(DR_BOB.asPerson())
              .except(Provision.deny().actions(Action.DISCLOSE).build()).build()));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(request(DR_BOB, Action.DISCLOSE, PurposeOfUse.TREAT, DataClass.OBSERVATION), state)
          .reason()).isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }
  }

  @Nested
  class Actions {
    final TestPolicyState readOnlyConsent = TestPolicyState.empty()
        .with(consent("c-1", Provision.permit().actors(DR_BOB.asPerson()).build()));

    @Test
    void writeNeedsARelationshipOrAConsentNamingWrite() {
      AccessRequest write = request(DR_BOB, Action.WRITE, PurposeOfUse.TREAT, DataClass.OBSERVATION);

      assertThat(decide(write, readOnlyConsent).reason()).isEqualTo(ReasonCode.NO_RELATIONSHIP_OR_CONSENT);
      assertThat(decide(write, readOnlyConsent.withConsents(List.of(consent("c-2",
          Provision.permit().actors(DR_BOB.asPerson()).actions(Action.READ, Action.WRITE).build())))).reason())
          .isEqualTo(ReasonCode.CONSENT);
    }

    @Test
    void discloseNeedsAConsentNamingDiscloseEvenWithARelationship() {
      AccessRequest disclose = request(DR_BOB, Action.DISCLOSE, PurposeOfUse.TREAT, DataClass.OBSERVATION);
      TestPolicyState treating = readOnlyConsent
          .with(new Relationship(PATIENT, DR_BOB.asPerson(), Relationship.Kind.CARE_TEAM, Period.ALWAYS));

      assertThat(decide(disclose, treating).reason()).isEqualTo(ReasonCode.ACTION_NEEDS_CONSENT);
      assertThat(decide(disclose, treating.with(consent("c-2",
          Provision.permit().actors(DR_BOB.asPerson()).actions(Action.DISCLOSE).build()))).reason())
          .isEqualTo(ReasonCode.CONSENT);
    }

    @Test
    void actionsNamedByAnEnclosingDenyCountForItsException() {
      // "no writes, except by Dr Bob"
      Provision root = Provision.deny().actions(Action.WRITE)
          .except(Provision.permit().actors(DR_BOB.asPerson()).build()).build();
      TestPolicyState state = TestPolicyState.empty().with(consent("c-1", root));

      assertThat(decide(request(DR_BOB, Action.WRITE, PurposeOfUse.TREAT, DataClass.OBSERVATION), state).reason())
          .isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(request(DR_EVE, Action.WRITE, PurposeOfUse.TREAT, DataClass.OBSERVATION), state).reason())
          .isEqualTo(ReasonCode.DENIED_BY_CONSENT);
    }
  }

  @Nested
  class OwnDataAndDelegates {
    static final Requester GUARDIAN = Requester.of("st-mary", "guardian-joe", Role.PATIENT);

    AccessRequest asGuardian(Action action, DataClass dataClass) {
      return request(GUARDIAN, action, PurposeOfUse.PATRQT, dataClass);
    }

    @Test
    void aPatientCannotReadAnotherPatientsData() {
      Requester otherPatient = Requester.of("st-mary", "pat-max", Role.PATIENT);

      Decision decision = decide(request(otherPatient, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION),
          TestPolicyState.empty());

      assertThat(decision.reason()).isEqualTo(ReasonCode.NOT_OWN_DATA);
    }

    @Test
    void aPatientOfTheSameNameAtAnotherOrganisationIsSomeoneElse() {
      Requester namesake = Requester.of("north-hospital", PATIENT.name(), Role.PATIENT);

      assertThat(decide(request(namesake, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION),
          TestPolicyState.empty()).reason()).isEqualTo(ReasonCode.NOT_OWN_DATA);
    }

    @Test
    void aDelegateActsWithinScopeAndPeriod() {
      TestPolicyState state = TestPolicyState.empty().with(new Delegation(PATIENT, GUARDIAN.asPerson(),
          Set.of(Action.READ), Set.of(DataClass.IMMUNIZATION, DataClass.OBSERVATION), Period.from(daysFromT(-1))));

      assertThat(decide(asGuardian(Action.READ, DataClass.IMMUNIZATION), state).reason())
          .isEqualTo(ReasonCode.DELEGATE);
      assertThat(decide(asGuardian(Action.EXPORT, DataClass.IMMUNIZATION), state).reason())
          .isEqualTo(ReasonCode.OUTSIDE_DELEGATION_SCOPE);
      assertThat(decide(asGuardian(Action.READ, DataClass.CONDITION), state).reason())
          .isEqualTo(ReasonCode.OUTSIDE_DELEGATION_SCOPE);
      assertThat(decide(asGuardian(Action.READ, DataClass.IMMUNIZATION).at(daysFromT(-2)), state).reason())
          .isEqualTo(ReasonCode.NOT_OWN_DATA);
    }

    @Test
    void anExpiredDelegationDoesNotApply() {
      TestPolicyState state = TestPolicyState.empty().with(new Delegation(PATIENT, GUARDIAN.asPerson(),
          Set.of(), Set.of(), Period.between(daysFromT(-10), daysFromT(-1))));

      assertThat(decide(asGuardian(Action.READ, DataClass.OBSERVATION), state).reason())
          .isEqualTo(ReasonCode.DELEGATION_EXPIRED);
    }

    @Test
    void aDelegateStillNeedsARoleAllowedToAskForThePatient() {
      // a physician who is also someone's guardian acts as guardian under the patient role only
      Requester physicianGuardian = Requester.of("st-mary", "guardian-joe", Role.PHYSICIAN);
      TestPolicyState state = TestPolicyState.empty().with(new Delegation(PATIENT, GUARDIAN.asPerson(),
          Set.of(), Set.of(), Period.ALWAYS));

      assertThat(decide(request(physicianGuardian, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION), state)
          .reason()).isEqualTo(ReasonCode.PURPOSE_NOT_ALLOWED_FOR_ROLE);
    }

    @Test
    void aPatientsOwnBlanketDenyDoesNotLockHerOut() {
      TestPolicyState state = TestPolicyState.empty().with(consent("c-opt-out", Provision.deny().build()));

      assertThat(decide(request(requester(Role.PATIENT), Action.EXPORT, PurposeOfUse.PATRQT, DataClass.CONDITION,
          SecurityLabel.HIV), state).reason()).isEqualTo(ReasonCode.OWN_DATA);
    }
  }

  @Nested
  class Research {
    @Test
    void aConsentThatDoesNotNameResearchIsNoResearchConsent() {
      Requester researcher = requester(Role.RESEARCHER);
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-any", Provision.permit().build()));
      AccessRequest request = read(Role.RESEARCHER, PurposeOfUse.HRESCH, DataClass.OBSERVATION).withDeidentified(true);

      assertThat(decide(request, state).reason()).isEqualTo(ReasonCode.NO_RESEARCH_CONSENT);
      Consent research = consent("c-research", Provision.permit().actors(Party.role(Role.RESEARCHER))
          .purposes(PurposeOfUse.HRESCH).build());
      assertThat(research.isResearch()).isTrue();
      Decision decision = decide(request, state.with(research));
      assertThat(decision.reason()).isEqualTo(ReasonCode.RESEARCH_CONSENT);
      assertThat(decision.obligations()).containsExactly(Obligation.DEIDENTIFY_OUTPUT);
      assertThat(researcher.role()).isEqualTo(Role.RESEARCHER);
    }
  }

  @Nested
  class BreakGlassRules {
    final Requester nurse = requester(Role.NURSE);

    AccessRequest emergencyRead() {
      return request(nurse, Action.READ, PurposeOfUse.ETREAT, DataClass.ALLERGY_INTOLERANCE, SecurityLabel.HIV);
    }

    @Test
    void aDeclarationNeedsAWrittenReasonAndARoleThatMayBreakGlass() {
      TestPolicyState state = TestPolicyState.empty();

      assertThat(PolicyDecisionPoint.decideBreakGlass(emergencyRead(), state).reason())
          .isEqualTo(ReasonCode.BREAK_GLASS_REASON_REQUIRED);
      Decision declared = PolicyDecisionPoint.decideBreakGlass(
          emergencyRead().withBreakGlassReason("anaphylaxis, patient unresponsive"), state);
      assertThat(declared.reason()).isEqualTo(ReasonCode.BREAK_GLASS_DECLARED);
      assertThat(declared.obligations()).containsExactly(Obligation.FLAG_BREAK_GLASS, Obligation.NOTIFY_PATIENT,
          Obligation.reviewWithin(Duration.ofHours(72)));
      AccessRequest pharmacist = request(requester(Role.PHARMACIST), Action.READ, PurposeOfUse.ETREAT,
          DataClass.MEDICATION_REQUEST).withBreakGlassReason("overdose");
      assertThat(PolicyDecisionPoint.decideBreakGlass(pharmacist, state).reason())
          .isEqualTo(ReasonCode.BREAK_GLASS_NOT_ALLOWED_FOR_ROLE);
      assertThat(PolicyDecisionPoint.decideBreakGlass(
          read(Role.NURSE, PurposeOfUse.TREAT, DataClass.OBSERVATION).withBreakGlassReason("x"), state).reason())
          .isEqualTo(ReasonCode.NOT_BREAK_GLASS);
    }

    @Test
    void aGrantLastsTheConfiguredDurationAndPermitsUntilItExpires() {
      AccessRequest declaration = emergencyRead().withBreakGlassReason("anaphylaxis");
      PolicyParameters twoHours = PolicyParameters.defaults().withBreakGlassDuration(Duration.ofHours(2));
      BreakGlass grant = BreakGlass.grant(declaration, twoHours);
      TestPolicyState state = TestPolicyState.empty().with(twoHours).with(grant);

      assertThat(grant.expiresAt()).isEqualTo(hoursFromT(2));
      assertThat(BreakGlass.grant(declaration, PolicyParameters.defaults()).expiresAt()).isEqualTo(hoursFromT(4));
      assertThat(decide(emergencyRead().at(hoursFromT(2).minusMillis(1)), state).reason())
          .isEqualTo(ReasonCode.BREAK_GLASS);
      assertThat(decide(emergencyRead().at(hoursFromT(2)), state).reason()).isEqualTo(ReasonCode.BREAK_GLASS_EXPIRED);
    }

    @Test
    void aGrantOfAnotherClinicianDoesNotCount() {
      TestPolicyState state = TestPolicyState.empty().with(new BreakGlass(DR_BOB.asPerson(), PATIENT, "cardiac arrest",
          hoursFromT(-1), hoursFromT(3), false));

      assertThat(decide(emergencyRead(), state).reason()).isEqualTo(ReasonCode.NO_BREAK_GLASS);
    }

    @Test
    void breakGlassOverridesAPatientsBlanketDenyWithReview() {
      TestPolicyState state = TestPolicyState.empty()
          .with(consent("c-opt-out", Provision.deny().build()))
          .with(new BreakGlass(nurse.asPerson(), PATIENT, "unconscious", hoursFromT(-1), hoursFromT(3), false))
          .with(PolicyParameters.defaults().withReviewDeadline(Duration.ofHours(24)));

      Decision decision = decide(emergencyRead(), state);

      assertThat(decision.reason()).isEqualTo(ReasonCode.BREAK_GLASS_OVERRIDES_CONSENT_DENY);
      assertThat(decision.message()).contains("c-opt-out");
      assertThat(decision.obligations()).containsExactly(Obligation.FLAG_BREAK_GLASS, Obligation.NOTIFY_PATIENT,
          Obligation.reviewWithin(Duration.ofHours(24)));
    }

    @Test
    void aReviewedGrantStillHoldsUntilItExpires() {
      TestPolicyState state = TestPolicyState.empty().with(new BreakGlass(nurse.asPerson(), PATIENT, "unconscious",
          hoursFromT(-1), hoursFromT(3), false).markReviewed());

      assertThat(decide(emergencyRead(), state).isPermit()).isTrue();
    }
  }

  @Nested
  class Governance {
    @Test
    void aCellRemovedByGovernanceDenies() {
      TestPolicyState state = TestPolicyState.empty()
          .with(new Relationship(PATIENT, DR_BOB.asPerson(), Relationship.Kind.CARE_TEAM, Period.ALWAYS))
          .with(PolicyParameters.defaults().withoutRule(Role.PHYSICIAN, PurposeOfUse.TREAT));

      assertThat(decide(readObservation(DR_BOB), state).reason()).isEqualTo(ReasonCode.PURPOSE_NOT_ALLOWED_FOR_ROLE);
    }

    @Test
    void aCellAddedByGovernancePermits() {
      PolicyParameters publicHealth = PolicyParameters.defaults().withRule(Role.RESEARCHER, PurposeOfUse.PUBHLTH,
          AccessRule.of(AccessBasis.CONSENT, Set.of(DataClass.IMMUNIZATION), Set.of(Action.READ)));
      TestPolicyState state = TestPolicyState.empty().with(publicHealth)
          .with(consent("c-1", Provision.permit().purposes(PurposeOfUse.PUBHLTH).build()));

      assertThat(decide(read(Role.RESEARCHER, PurposeOfUse.PUBHLTH, DataClass.IMMUNIZATION), state).reason())
          .isEqualTo(ReasonCode.CONSENT);
      assertThat(decide(read(Role.RESEARCHER, PurposeOfUse.PUBHLTH, DataClass.OBSERVATION), state).reason())
          .isEqualTo(ReasonCode.CLASS_NOT_ALLOWED_FOR_ROLE);
    }
  }

  @Nested
  class Revocation {
    @Test
    void revokingAConsentTakesEffectAtOnce() {
      Consent granted = consent("c-1", Provision.permit().actors(DR_BOB.asPerson()).build());

      assertThat(decide(readObservation(DR_BOB), TestPolicyState.empty().with(granted)).isPermit()).isTrue();
      assertThat(decide(readObservation(DR_BOB), TestPolicyState.empty().with(granted.revoked())).isPermit())
          .isFalse();
    }

    /**
     * Revoking a consent that only permits never widens access (a property). Revoking one that
     * carries a deny withdraws a restriction: the patient chose to, so access may widen.
     */
    @Test
    void revokingAConsentThatDeniesWithdrawsTheRestriction() {
      Consent restriction = consent("c-1", Provision.deny().actors(DR_BOB.asPerson()).build());
      TestPolicyState treating = TestPolicyState.empty()
          .with(new Relationship(PATIENT, DR_BOB.asPerson(), Relationship.Kind.CARE_TEAM, Period.ALWAYS));

      assertThat(decide(readObservation(DR_BOB), treating.with(restriction)).isPermit()).isFalse();
      assertThat(decide(readObservation(DR_BOB), treating.with(restriction.revoked())).isPermit()).isTrue();
    }
  }

  @Test
  void theCustodianDoesNotChangeTheDecision() {
    TestPolicyState state = TestPolicyState.empty()
        .with(new Relationship(PATIENT, DR_BOB.asPerson(), Relationship.Kind.CARE_TEAM, Period.ALWAYS));
    AccessRequest atHome = readObservation(DR_BOB);
    AccessRequest elsewhere = new AccessRequest(DR_BOB, PATIENT, Action.READ, PurposeOfUse.TREAT,
        DataClass.OBSERVATION, Set.of(), Fixtures.CLINIC, T, atHome.breakGlassReason(), false);

    assertThat(decide(elsewhere, state)).isEqualTo(decide(atHome, state));
    assertThat(atHome.custodian()).isEqualTo(CUSTODIAN);
  }
}
