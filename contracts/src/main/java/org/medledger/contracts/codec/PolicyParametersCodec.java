package org.medledger.contracts.codec;

import static org.medledger.contracts.codec.PolicyCodec.canonical;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.medledger.contracts.codec.pb.PolicyDocument;
import org.medledger.contracts.codec.pb.PolicyRule;
import org.medledger.contracts.policy.AccessBasis;
import org.medledger.contracts.policy.AccessRule;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.pki.Role;

/**
 * The canonical encoding of {@link PolicyParameters} (a {@code PolicyDocument}), the value of the
 * governed parameter {@code policy}. Rules are written by role, then purpose, in enum order; sets
 * of codes in enum order; durations in whole seconds. The decoder accepts only the canonical
 * encoding of a valid policy.
 */
public final class PolicyParametersCodec {
  private PolicyParametersCodec() {}

  /**
   * @throws IllegalArgumentException if a duration is not a whole number of seconds (it has no
   *     encoding)
   */
  public static byte[] encode(PolicyParameters policy) {
    PolicyDocument.Builder document = PolicyDocument.newBuilder()
        .setBreakGlassSeconds(seconds(policy.breakGlassDuration(), "the break-glass duration"))
        .addAllSensitiveLabels(PolicyCodec.labelCodes(policy.sensitiveLabels()))
        .setReviewDeadlineSeconds(seconds(policy.reviewDeadline(), "the break-glass review deadline"));
    // the matrix is an EnumMap of EnumMaps: it iterates by role, then purpose, in enum order
    policy.matrix().forEach((role, row) -> row.forEach((purpose, rule) -> document.addRules(PolicyRule.newBuilder()
        .setRole(role.id())
        .setPurpose(purpose.code())
        .setBasis(basisCode(rule.basis()))
        .addAllClasses(PolicyCodec.classCodes(rule.classes()))
        .addAllActions(PolicyCodec.actionCodes(rule.actions())))));
    return document.build().toByteArray();
  }

  public static PolicyParameters decode(byte[] bytes) {
    return canonical("policy", bytes, () -> fromProto(PolicyDocument.parseFrom(bytes)),
        PolicyParametersCodec::encode);
  }

  private static PolicyParameters fromProto(PolicyDocument document) {
    EnumMap<Role, Map<PurposeOfUse, AccessRule>> matrix = new EnumMap<>(Role.class);
    for (PolicyRule rule : document.getRulesList()) {
      Role role = Role.parse(rule.getRole());
      PurposeOfUse purpose = PurposeOfUse.parse(rule.getPurpose());
      AccessRule cell = new AccessRule(basis(rule.getBasis()), PolicyCodec.classes(rule.getClassesList()),
          PolicyCodec.actions(rule.getActionsList()));
      if (matrix.computeIfAbsent(role, r -> new EnumMap<>(PurposeOfUse.class)).put(purpose, cell) != null) {
        throw new MalformedEncodingException("two rules for " + role.id() + " and " + purpose.code());
      }
    }
    return new PolicyParameters(matrix, Duration.ofSeconds(document.getBreakGlassSeconds()),
        PolicyCodec.labels(document.getSensitiveLabelsList()),
        Duration.ofSeconds(document.getReviewDeadlineSeconds()));
  }

  /** An access basis's code: its name in lower case with '-', e.g. {@code break-glass}. */
  public static String basisCode(AccessBasis basis) {
    return basis.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static AccessBasis basis(String code) {
    for (AccessBasis basis : AccessBasis.values()) {
      if (basisCode(basis).equals(code)) {
        return basis;
      }
    }
    throw new MalformedEncodingException("unknown access basis '" + code + "'");
  }

  private static long seconds(Duration duration, String what) {
    if (duration.getNano() != 0) {
      throw new IllegalArgumentException(what + " must be whole seconds to be kept on chain, not " + duration);
    }
    return duration.getSeconds();
  }
}
