package org.medledger.node.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.pki.Role;

class PolicyDocumentTest {
  private static final String DEFAULTS = PolicyDocument.toJson(PolicyParameters.defaults());

  @Test
  void theDefaultPolicyReadsBackAsItself() {
    assertThat(PolicyDocument.parse(DEFAULTS)).isEqualTo(PolicyParameters.defaults());
  }

  @Test
  void theSamePolicyGivesTheSameText() {
    assertThat(PolicyDocument.toJson(PolicyDocument.parse(DEFAULTS))).isEqualTo(DEFAULTS);
    assertThat(DEFAULTS).contains("\"breakGlassDuration\" : \"PT4H\"", "\"reviewDeadline\" : \"PT72H\"",
        "\"role\" : \"physician\"", "\"basis\" : \"break-glass\"");
  }

  @Test
  void anEditedDocumentChangesExactlyWhatWasEdited() {
    PolicyParameters edited = PolicyDocument.parse(DEFAULTS.replace("\"PT4H\"", "\"PT1H\""));
    assertThat(edited.breakGlassDuration()).isEqualTo(Duration.ofHours(1));
    assertThat(edited.withBreakGlassDuration(Duration.ofHours(4))).isEqualTo(PolicyParameters.defaults());
  }

  @Test
  void aCellLeftOutIsDenied() {
    String withoutInsurers = PolicyDocument.toJson(PolicyParameters.defaults().withoutRule(Role.INSURER,
        PurposeOfUse.HPAYMT));
    assertThat(PolicyDocument.parse(withoutInsurers).rule(Role.INSURER, PurposeOfUse.HPAYMT)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"PT4H\"|\"four hours\"|breakGlassDuration",
      "\"PT72H\"|\"-PT1H\"|review deadline",
      "\"role\" : \"physician\"|\"role\" : \"surgeon\"|surgeon",
      "\"basis\" : \"care\"|\"basis\" : \"friendship\"|unknown basis 'friendship'",
      "\"PSY\"|\"SECRET\"|SECRET",
      "\"read\"|\"peek\"|peek",
      "\"AllergyIntolerance\"|\"Spaceship\"|Spaceship",
      "\"rules\"|\"rulez\"|rulez",
      "\"basis\" : \"break-glass\"|\"basis\" : \"care\"|ETREAT, and only ETREAT"})
  void mistakesAreRefusedNamingWhatIsWrong(String original, String replacement, String named) {
    String broken = DEFAULTS.replaceFirst(java.util.regex.Pattern.quote(original),
        java.util.regex.Matcher.quoteReplacement(replacement));
    assertThat(broken).isNotEqualTo(DEFAULTS);
    assertThatThrownBy(() -> PolicyDocument.parse(broken)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }

  @Test
  void aCellGivenTwiceIsRefused() {
    String rules = "\"rules\" : [ ";
    int start = DEFAULTS.indexOf(rules) + rules.length();
    int end = DEFAULTS.indexOf("}", start) + 1;
    String first = DEFAULTS.substring(start, end);
    String twice = DEFAULTS.replace(rules + first, rules + first + ", " + first);
    assertThatThrownBy(() -> PolicyDocument.parse(twice)).hasMessageContaining("appears twice");
  }

  @Test
  void somethingElseIsNotAPolicyDocument() {
    assertThatThrownBy(() -> PolicyDocument.parse("[1, 2]")).hasMessageContaining("not a policy document");
    assertThatThrownBy(() -> PolicyDocument.parse("{}")).hasMessageContaining("needs breakGlassDuration");
  }
}
