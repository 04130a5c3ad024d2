package org.medledger.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.policy.Fixtures.CUSTODIAN;
import static org.medledger.contracts.policy.Fixtures.PATIENT;
import static org.medledger.contracts.policy.Fixtures.T;
import static org.medledger.contracts.policy.Fixtures.daysFromT;
import static org.medledger.contracts.policy.Fixtures.hoursFromT;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.medledger.pki.Role;

/**
 * The authorization matrix of issue 5: every row of {@code authorization-matrix.csv} is a case of
 * the default policy, described in the file's header.
 */
class AuthorizationMatrixTest {

  @ParameterizedTest(name = "[{index}] {0} {7} {1} [{2}] for {3}, consent {4}, relationship {5}, break-glass {6},"
      + " de-identified {8} -> {9} {10}")
  @CsvFileSource(resources = "/authorization-matrix.csv", numLinesToSkip = 1)
  void decidesAsTheMatrixSays(String role, String dataClass, String labels, String purpose, String consent,
      String relationship, String breakGlass, String action, String deidentified, String expectedEffect,
      String expectedReason) {
    Requester requester = Fixtures.requester(Role.parse(role));
    Set<SecurityLabel> dataLabels = Arrays.stream(labels.split("\\|")).map(SecurityLabel::parse)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecurityLabel.class)));
    AccessRequest request = new AccessRequest(requester, PATIENT, Action.parse(action), PurposeOfUse.parse(purpose),
        DataClass.parse(dataClass), dataLabels, CUSTODIAN, T, Optional.empty(), yesNo(deidentified));

    TestPolicyState state = TestPolicyState.empty();
    state = withConsent(state, consent, request);
    state = withRelationship(state, relationship, requester);
    state = withBreakGlass(state, breakGlass, requester);

    Decision decision = PolicyDecisionPoint.decide(request, state);

    assertThat(decision.effect()).as(decision.toString()).isEqualTo(Decision.Effect.valueOf(expectedEffect));
    assertThat(decision.reason().code()).as(decision.toString()).isEqualTo(expectedReason);
    assertThat(decision.obligations()).as(decision.toString()).isEqualTo(obligationsFor(decision.reason()));
  }

  private static List<Obligation> obligationsFor(ReasonCode reason) {
    switch (reason) {
      case BREAK_GLASS:
      case BREAK_GLASS_OVERRIDES_CONSENT_DENY:
        return List.of(Obligation.FLAG_BREAK_GLASS, Obligation.NOTIFY_PATIENT,
            Obligation.reviewWithin(Duration.ofHours(72)));
      case RESEARCH_CONSENT:
        return List.of(Obligation.DEIDENTIFY_OUTPUT);
      default:
        return List.of();
    }
  }

  private static TestPolicyState withConsent(TestPolicyState state, String consent, AccessRequest request) {
    Party person = request.requester().asPerson();
    Set<SecurityLabel> sensitive = EnumSet.noneOf(SecurityLabel.class);
    request.labels().stream().filter(SecurityLabel::isSensitive).forEach(sensitive::add);
    Provision tailored = Provision.permit()
        .actors(person)
        .actions(request.action())
        .purposes(request.purpose())
        .classes(request.dataClass())
        .labels(sensitive)
        .build();
    switch (consent) {
      case "none":
        return state;
      case "active":
        return state.with(Consent.active("c-1", PATIENT, Period.from(daysFromT(-90)), tailored));
      case "blanket":
        return state.with(Consent.active("c-1", PATIENT, Period.from(daysFromT(-90)),
            Provision.permit().actors(person).build()));
      case "expired":
        return state.with(Consent.active("c-1", PATIENT, Period.between(daysFromT(-60), daysFromT(-1)), tailored));
      case "revoked":
        return state.with(Consent.active("c-1", PATIENT, Period.from(daysFromT(-90)), tailored).revoked());
      case "denied-by-provision":
        return state.with(Consent.active("c-1", PATIENT, Period.from(daysFromT(-90)),
            tailored.withNested(Provision.deny().classes(request.dataClass()).build())));
      default:
        throw new IllegalArgumentException("unknown consent state " + consent);
    }
  }

  private static TestPolicyState withRelationship(TestPolicyState state, String relationship, Requester requester) {
    switch (relationship) {
      case "none":
        return state;
      case "active":
        return state.with(new Relationship(PATIENT, requester.asPerson(), Relationship.Kind.CARE_TEAM,
            Period.from(daysFromT(-30))));
      case "expired":
        return state.with(new Relationship(PATIENT, requester.asPerson(), Relationship.Kind.CARE_TEAM,
            Period.between(daysFromT(-60), daysFromT(-30))));
      default:
        throw new IllegalArgumentException("unknown relationship state " + relationship);
    }
  }

  private static TestPolicyState withBreakGlass(TestPolicyState state, String breakGlass, Requester requester) {
    switch (breakGlass) {
      case "none":
        return state;
      case "active":
        return state.with(new BreakGlass(requester.asPerson(), PATIENT, "unconscious on arrival in the ED",
            hoursFromT(-1), hoursFromT(3), false));
      case "expired":
        return state.with(new BreakGlass(requester.asPerson(), PATIENT, "unconscious on arrival in the ED",
            hoursFromT(-6), hoursFromT(-2), false));
      default:
        throw new IllegalArgumentException("unknown break-glass state " + breakGlass);
    }
  }

  private static boolean yesNo(String value) {
    switch (value) {
      case "yes":
        return true;
      case "no":
        return false;
      default:
        throw new IllegalArgumentException("deidentified is yes or no, not " + value);
    }
  }
}
