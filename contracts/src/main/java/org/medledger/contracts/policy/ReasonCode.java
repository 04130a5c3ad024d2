package org.medledger.contracts.policy;

import java.util.Locale;

/**
 * The rule that decided: a stable machine code (e.g. {@code denied-by-consent}) stored with every
 * decision on chain. Codes are never renamed; add new ones instead.
 */
public enum ReasonCode {
  // permits
  OWN_DATA(Decision.Effect.PERMIT),
  DELEGATE(Decision.Effect.PERMIT),
  TREATING_RELATIONSHIP(Decision.Effect.PERMIT),
  CONSENT(Decision.Effect.PERMIT),
  RESEARCH_CONSENT(Decision.Effect.PERMIT),
  AUDIT_OVERSIGHT(Decision.Effect.PERMIT),
  BREAK_GLASS(Decision.Effect.PERMIT),
  /** Break-glass permitted although a consent of the patient denies: emergency access wins, reviewed. */
  BREAK_GLASS_OVERRIDES_CONSENT_DENY(Decision.Effect.PERMIT),
  /** A break-glass declaration was accepted ({@link PolicyDecisionPoint#decideBreakGlass}). */
  BREAK_GLASS_DECLARED(Decision.Effect.PERMIT),

  // denies: the role matrix
  ROLE_HAS_NO_ACCESS(Decision.Effect.DENY),
  PURPOSE_NOT_ALLOWED_FOR_ROLE(Decision.Effect.DENY),
  CLASS_NOT_ALLOWED_FOR_ROLE(Decision.Effect.DENY),
  ACTION_NOT_ALLOWED_FOR_ROLE(Decision.Effect.DENY),
  BREAK_GLASS_NOT_ALLOWED_FOR_ROLE(Decision.Effect.DENY),
  // denies: the basis
  NOT_OWN_DATA(Decision.Effect.DENY),
  DELEGATION_EXPIRED(Decision.Effect.DENY),
  OUTSIDE_DELEGATION_SCOPE(Decision.Effect.DENY),
  DENIED_BY_CONSENT(Decision.Effect.DENY),
  NO_RELATIONSHIP_OR_CONSENT(Decision.Effect.DENY),
  SENSITIVE_NEEDS_CONSENT(Decision.Effect.DENY),
  ACTION_NEEDS_CONSENT(Decision.Effect.DENY),
  NO_CONSENT(Decision.Effect.DENY),
  NO_RESEARCH_CONSENT(Decision.Effect.DENY),
  NOT_DEIDENTIFIED(Decision.Effect.DENY),
  NO_BREAK_GLASS(Decision.Effect.DENY),
  BREAK_GLASS_EXPIRED(Decision.Effect.DENY),
  BREAK_GLASS_REASON_REQUIRED(Decision.Effect.DENY),
  NOT_BREAK_GLASS(Decision.Effect.DENY);

  private final Decision.Effect effect;
  private final String code;

  ReasonCode(Decision.Effect effect) {
    this.effect = effect;
    this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The stable machine code, e.g. {@code sensitive-needs-consent}. */
  public String code() {
    return code;
  }

  /** The effect this reason belongs to. */
  public Decision.Effect effect() {
    return effect;
  }

  public static ReasonCode parse(String code) {
    for (ReasonCode reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown reason code '" + code + "'");
  }

  @Override
  public String toString() {
    return code;
  }
}
