package org.medledger.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.access.PolicyParameter;
import org.medledger.contracts.codec.pb.PolicyDocument;
import org.medledger.contracts.codec.pb.PolicyRule;
import org.medledger.contracts.policy.AccessBasis;
import org.medledger.contracts.policy.AccessRule;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.pki.Role;

/** The policy's canonical encoding round trips; the decoder refuses every other encoding. */
class PolicyParametersCodecTest {
  private static final PolicyParameters CHANGED = PolicyParameters.defaults()
      .withBreakGlassDuration(Duration.ofMinutes(30))
      .withReviewDeadline(Duration.ofDays(5))
      .withSensitiveLabels(Set.of(SecurityLabel.values()[0]))
      .withoutRule(Role.INSURER, PurposeOfUse.HPAYMT)
      .withRule(Role.REGISTRAR, PurposeOfUse.HOPERAT,
          AccessRule.of(AccessBasis.OVERSIGHT, DataClass.AUDIT_METADATA, Set.of(Action.READ)));

  private static void assertMalformed(String what, byte[] bytes) {
    Throwable thrown = catchThrowable(() -> PolicyParametersCodec.decode(bytes));
    assertThat(thrown).as(what).isInstanceOf(MalformedEncodingException.class);
    assertThat(thrown.getMessage()).as(what).isNotBlank();
  }

  private static PolicyDocument document(PolicyParameters policy) {
    try {
      return PolicyDocument.parseFrom(PolicyParametersCodec.encode(policy));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** The defaults' document with one rule changed. */
  private static byte[] withRule(int index, UnaryOperator<PolicyRule.Builder> change) {
    PolicyDocument defaults = document(PolicyParameters.defaults());
    return defaults.toBuilder().setRules(index, change.apply(defaults.getRules(index).toBuilder()).build()).build()
        .toByteArray();
  }

  @Test
  void policiesRoundTrip() {
    for (PolicyParameters policy : List.of(PolicyParameters.defaults(), CHANGED,
        PolicyParameters.defaults().withSensitiveLabels(Set.of()))) {
      byte[] bytes = PolicyParametersCodec.encode(policy);
      PolicyParameters decoded = PolicyParametersCodec.decode(bytes);
      assertThat(decoded).isEqualTo(policy);
      assertThat(PolicyParametersCodec.encode(decoded)).isEqualTo(bytes);
    }
  }

  @Test
  void theEncodingIsSortedAndInSeconds() {
    PolicyDocument defaults = document(PolicyParameters.defaults());
    assertThat(defaults.getBreakGlassSeconds()).isEqualTo(4 * 3600);
    assertThat(defaults.getReviewDeadlineSeconds()).isEqualTo(72 * 3600);
    List<PolicyRule> rules = defaults.getRulesList();
    for (int i = 1; i < rules.size(); i++) {
      Role previousRole = Role.parse(rules.get(i - 1).getRole());
      Role role = Role.parse(rules.get(i).getRole());
      assertThat(previousRole.compareTo(role) < 0 || previousRole == role
          && PurposeOfUse.parse(rules.get(i - 1).getPurpose()).compareTo(PurposeOfUse.parse(rules.get(i).getPurpose()))
          < 0).as("rule %d after rule %d", i, i - 1).isTrue();
    }
    assertThat(rules).extracting(PolicyRule::getBasis).contains("own-data", "break-glass", "research-consent");
    assertThat(rules.stream().filter(r -> r.getRole().equals("physician") && r.getPurpose().equals("TREAT"))
        .findFirst().orElseThrow().getActionsList())
        .isEqualTo(EnumSet.allOf(Action.class).stream().map(Action::id).toList());
  }

  @Test
  void aDurationOfFractionalSecondsHasNoEncoding() {
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyParametersCodec.encode(
        PolicyParameters.defaults().withBreakGlassDuration(Duration.ofMillis(1500))));
  }

  @Test
  void nonCanonicalOrInvalidPoliciesAreRefused() {
    PolicyDocument defaults = document(PolicyParameters.defaults());
    byte[] valid = defaults.toByteArray();
    int last = defaults.getRulesCount() - 1;
    Map<String, byte[]> documents = new LinkedHashMap<>();
    documents.put("not protobuf", new byte[] {(byte) 0xff, (byte) 0xff});
    documents.put("nothing at all (no durations)", new byte[0]);
    documents.put("an unknown field", concat(valid, new byte[] {(byte) 0x78, 1}));
    documents.put("rules out of order", defaults.toBuilder().clearRules()
        .addAllRules(reversed(defaults.getRulesList())).build().toByteArray());
    documents.put("a rule twice", defaults.toBuilder().addRules(defaults.getRules(last)).build().toByteArray());
    documents.put("a zero break-glass duration", defaults.toBuilder().setBreakGlassSeconds(0).build().toByteArray());
    documents.put("a negative review deadline", defaults.toBuilder().setReviewDeadlineSeconds(-1).build()
        .toByteArray());
    documents.put("labels out of order", defaults.toBuilder().clearSensitiveLabels()
        .addAllSensitiveLabels(reversed(defaults.getSensitiveLabelsList())).build().toByteArray());
    documents.put("a label twice", defaults.toBuilder().addSensitiveLabels(defaults.getSensitiveLabels(0)).build()
        .toByteArray());
    documents.put("an unknown label", defaults.toBuilder().addSensitiveLabels("NOPE").build().toByteArray());
    documents.put("an unknown role", withRule(0, r -> r.setRole("janitor")));
    documents.put("a role in capitals", withRule(0, r -> r.setRole(r.getRole().toUpperCase())));
    documents.put("a purpose in lower case", withRule(0, r -> r.setPurpose(r.getPurpose().toLowerCase())));
    documents.put("an unknown purpose", withRule(0, r -> r.setPurpose("SNOOP")));
    documents.put("an unknown basis", withRule(0, r -> r.setBasis("whim")));
    documents.put("a basis in capitals", withRule(0, r -> r.setBasis("OWN_DATA")));
    documents.put("a rule without classes", withRule(0, PolicyRule.Builder::clearClasses));
    documents.put("a rule without actions", withRule(0, PolicyRule.Builder::clearActions));
    documents.put("actions out of order", withRule(0, r -> {
      List<String> actions = reversed(r.getActionsList());
      return r.clearActions().addAllActions(actions);
    }));
    documents.put("an action twice", withRule(0, r -> r.addActions(r.getActions(0))));
    documents.put("a class twice", withRule(0, r -> r.addClasses(r.getClasses(0))));
    documents.put("ETREAT not by break-glass", defaults.toBuilder().setRules(indexOf(defaults, "ETREAT"),
        defaults.getRules(indexOf(defaults, "ETREAT")).toBuilder().setBasis("care")).build().toByteArray());
    documents.put("break-glass for another purpose", withRule(0, r -> r.setBasis("break-glass")));
    documents.forEach(PolicyParametersCodecTest::assertMalformed);
  }

  @Test
  void theGovernedParameterChecksByDecoding() {
    assertThat(PolicyParameter.INSTANCE.name()).isEqualTo("policy");
    PolicyParameter.INSTANCE.check(PolicyParametersCodec.encode(CHANGED));
    assertThatIllegalArgumentException().isThrownBy(() -> PolicyParameter.INSTANCE.check(new byte[0]))
        .withMessageContaining("policy");
    assertThat(PolicyParameter.set(CHANGED).value()).isEqualTo(PolicyParametersCodec.encode(CHANGED));
  }

  private static int indexOf(PolicyDocument document, String purpose) {
    for (int i = 0; i < document.getRulesCount(); i++) {
      if (document.getRules(i).getPurpose().equals(purpose)) {
        return i;
      }
    }
    throw new AssertionError("no rule for " + purpose);
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
