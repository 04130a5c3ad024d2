package org.medledger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.policy.ReasonCode;

class AccessMixTest {
  @Test
  void deniesTheGivenShareEvenlyAndAlternatesRelationshipAndConsent() {
    AccessMix mix = new AccessMix(4, 2, 4, 10);
    Map<String, Long> expected = mix.expected(1000);
    assertThat(expected).containsOnlyKeys("permit/treating-relationship", "permit/consent",
        "deny/sensitive-needs-consent").containsEntry("deny/sensitive-needs-consent", 100L);
    long relationship = expected.get("permit/treating-relationship");
    assertThat(relationship + expected.get("permit/consent")).isEqualTo(900);
    assertThat(Math.abs(relationship - expected.get("permit/consent"))).isLessThanOrEqualTo(mix.physicians());
    assertThat(IntStream.range(0, 30).filter(i -> mix.request(i).sensitive())).containsExactly(9, 19, 29);
    // consecutive requests come from different physicians
    assertThat(IntStream.range(0, 8).map(i -> mix.request(i).physician())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void permitsGoToPatientsTheRelationshipOrTheConsentCovers() {
    AccessMix mix = new AccessMix(3, 1, 2, 0);
    for (int i = 0; i < 60; i++) {
      AccessMix.Request request = mix.request(i);
      int physicianOrg = request.physician();
      int patientOrg = request.patient() / 2;
      if (request.expected() == ReasonCode.TREATING_RELATIONSHIP) {
        assertThat(patientOrg).isEqualTo(physicianOrg);
      } else {
        assertThat(request.expected()).isEqualTo(ReasonCode.CONSENT);
        assertThat(mix.consentedOrganisation(patientOrg)).isEqualTo(physicianOrg);
      }
    }
    assertThat(IntStream.range(0, 60).map(i -> mix.request(i).patient()).distinct().count()).isEqualTo(6);
  }

  @Test
  void oneOrganisationIsDecidedByTheRelationshipAlone() {
    assertThat(new AccessMix(1, 2, 2, 50).expected(100)).isEqualTo(Map.of(
        "permit/treating-relationship", 50L, "deny/sensitive-needs-consent", 50L));
  }

  @Test
  void refusesImpossibleMixes() {
    assertThatThrownBy(() -> new AccessMix(2, 0, 1, 10)).hasMessageContaining("--physicians-per-org");
    assertThatThrownBy(() -> new AccessMix(2, 1, 0, 10)).hasMessageContaining("--patients-per-org");
    assertThatThrownBy(() -> new AccessMix(2, 1, 1, 101)).hasMessageContaining("--deny-percent");
    assertThatThrownBy(() -> new AccessMix(2, 1, 1, 10).request(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decisionCountsReadPermitsFirst() {
    assertThat(DecisionCounts.format(Map.of("deny/sensitive-needs-consent", 1L, "permit/consent", 2L,
        "permit/treating-relationship", 1L)))
        .isEqualTo("permit 3 (75.0%: consent 2, treating-relationship 1), deny 1 (25.0%: sensitive-needs-consent 1)");
    assertThat(DecisionCounts.format(Map.of())).isEqualTo("none");
  }
}
