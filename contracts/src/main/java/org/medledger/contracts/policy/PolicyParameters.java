package org.medledger.contracts.policy;

import static org.medledger.contracts.policy.Action.DISCLOSE;
import static org.medledger.contracts.policy.Action.EXPORT;
import static org.medledger.contracts.policy.Action.READ;
import static org.medledger.contracts.policy.Action.WRITE;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medledger.pki.Role;

/**
 * The policy in force: the role × purpose × data class matrix (each cell an {@link AccessRule})
 * and the parameters. Immutable; a governance proposal replaces it as a whole, from its block.
 * A role, or a role and purpose, without a cell is denied.
 *
 * @param matrix per role, per purpose: what is allowed and on which basis
 * @param breakGlassDuration how long a break-glass grant lasts
 * @param sensitiveLabels the labels that need explicit consent (a relationship is not enough)
 * @param reviewDeadline how soon an auditor must review a break-glass access
 */
public record PolicyParameters(
    Map<Role, Map<PurposeOfUse, AccessRule>> matrix,
    Duration breakGlassDuration,
    Set<SecurityLabel> sensitiveLabels,
    Duration reviewDeadline) {

  public PolicyParameters {
    Checks.required(matrix, "the policy matrix");
    EnumMap<Role, Map<PurposeOfUse, AccessRule>> copy = new EnumMap<>(Role.class);
    matrix.forEach((role, cells) -> {
      Checks.required(role, "a role in the policy matrix");
      EnumMap<PurposeOfUse, AccessRule> row = new EnumMap<>(PurposeOfUse.class);
      Checks.required(cells, "the policy matrix row of " + role.id()).forEach((purpose, rule) -> {
        Checks.required(purpose, "a purpose in the policy matrix row of " + role.id());
        Checks.required(rule, "the rule of " + role.id() + " for " + purpose);
        boolean emergency = purpose == PurposeOfUse.ETREAT;
        if (emergency != (rule.basis() == AccessBasis.BREAK_GLASS)) {
          throw new IllegalArgumentException(
              "the rule of " + role.id() + " for " + purpose + ": ETREAT, and only ETREAT, is decided by break-glass");
        }
        row.put(purpose, rule);
      });
      if (!row.isEmpty()) {
        copy.put(role, Collections.unmodifiableMap(row));
      }
    });
    matrix = Collections.unmodifiableMap(copy);
    requirePositive(breakGlassDuration, "the break-glass duration");
    sensitiveLabels = Checks.enumSet(sensitiveLabels, SecurityLabel.class, "the sensitive labels");
    requirePositive(reviewDeadline, "the break-glass review deadline");
  }

  /** The default policy of issue 5. */
  public static PolicyParameters defaults() {
    Set<Action> all = EnumSet.allOf(Action.class);
    Set<Action> readExport = EnumSet.of(READ, EXPORT);
    EnumMap<Role, Map<PurposeOfUse, AccessRule>> matrix = new EnumMap<>(Role.class);
    matrix.put(Role.PATIENT, Map.of(
        PurposeOfUse.PATRQT, AccessRule.of(AccessBasis.OWN_DATA, EnumSet.allOf(DataClass.class), readExport)));
    for (Role clinician : List.of(Role.PHYSICIAN, Role.NURSE)) {
      matrix.put(clinician, Map.of(
          PurposeOfUse.TREAT, AccessRule.of(AccessBasis.CARE, DataClass.CLINICAL, all),
          PurposeOfUse.ETREAT, AccessRule.of(AccessBasis.BREAK_GLASS, DataClass.CLINICAL, Set.of(READ))));
    }
    matrix.put(Role.PHARMACIST, Map.of(
        PurposeOfUse.TREAT, AccessRule.of(AccessBasis.CARE, DataClass.CLINICAL, all)));
    matrix.put(Role.INSURER, Map.of(
        PurposeOfUse.HPAYMT, AccessRule.of(AccessBasis.CONSENT, DataClass.PAYMENT, Set.of(READ))));
    matrix.put(Role.RESEARCHER, Map.of(
        PurposeOfUse.HRESCH, AccessRule.of(AccessBasis.RESEARCH_CONSENT, DataClass.CLINICAL, readExport)));
    matrix.put(Role.AUDITOR, Map.of(
        PurposeOfUse.HOPERAT, AccessRule.of(AccessBasis.OVERSIGHT, DataClass.AUDIT_METADATA, readExport)));
    // Registrars handle identities elsewhere and validators order blocks: no cell, no data.
    return new PolicyParameters(matrix, Duration.ofHours(4), SecurityLabel.DEFAULT_SENSITIVE, Duration.ofHours(72));
  }

  /** The cell for a role and purpose, if any. */
  public Optional<AccessRule> rule(Role role, PurposeOfUse purpose) {
    return Optional.ofNullable(ruleOrNull(role, purpose));
  }

  /** True if the role has at least one cell. */
  public boolean grantsAnything(Role role) {
    return matrix.containsKey(role);
  }

  /** True if any label of {@code labels} is sensitive under this policy. */
  public boolean anySensitive(Set<SecurityLabel> labels) {
    for (SecurityLabel label : labels) {
      if (sensitiveLabels.contains(label)) {
        return true;
      }
    }
    return false;
  }

  AccessRule ruleOrNull(Role role, PurposeOfUse purpose) {
    Map<PurposeOfUse, AccessRule> row = matrix.get(role);
    return row == null ? null : row.get(purpose);
  }

  /** The same policy with the cell for {@code role} and {@code purpose} set. */
  public PolicyParameters withRule(Role role, PurposeOfUse purpose, AccessRule rule) {
    EnumMap<Role, Map<PurposeOfUse, AccessRule>> copy = mutableMatrix();
    copy.computeIfAbsent(role, r -> new EnumMap<>(PurposeOfUse.class)).put(purpose, rule);
    return new PolicyParameters(copy, breakGlassDuration, sensitiveLabels, reviewDeadline);
  }

  /** The same policy without the cell for {@code role} and {@code purpose} (denied from then on). */
  public PolicyParameters withoutRule(Role role, PurposeOfUse purpose) {
    EnumMap<Role, Map<PurposeOfUse, AccessRule>> copy = mutableMatrix();
    Map<PurposeOfUse, AccessRule> row = copy.get(role);
    if (row != null) {
      row.remove(purpose);
    }
    return new PolicyParameters(copy, breakGlassDuration, sensitiveLabels, reviewDeadline);
  }

  public PolicyParameters withBreakGlassDuration(Duration duration) {
    return new PolicyParameters(matrix, duration, sensitiveLabels, reviewDeadline);
  }

  public PolicyParameters withSensitiveLabels(Set<SecurityLabel> labels) {
    return new PolicyParameters(matrix, breakGlassDuration, labels, reviewDeadline);
  }

  public PolicyParameters withReviewDeadline(Duration deadline) {
    return new PolicyParameters(matrix, breakGlassDuration, sensitiveLabels, deadline);
  }

  private EnumMap<Role, Map<PurposeOfUse, AccessRule>> mutableMatrix() {
    EnumMap<Role, Map<PurposeOfUse, AccessRule>> copy = new EnumMap<>(Role.class);
    matrix.forEach((role, row) -> copy.put(role, new EnumMap<>(row)));
    return copy;
  }

  private static void requirePositive(Duration duration, String what) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, not " + duration);
    }
  }
}
