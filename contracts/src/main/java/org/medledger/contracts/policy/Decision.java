package org.medledger.contracts.policy;

import java.util.List;

/**
 * What the policy decision point decided: permit or deny, the reason (a stable code and a sentence
 * for people) and, for a permit, the obligations that come with it.
 */
public record Decision(Effect effect, ReasonCode reason, String message, List<Obligation> obligations) {

  public enum Effect {
    PERMIT,
    DENY
  }

  public Decision {
    Checks.required(effect, "a decision's effect");
    Checks.required(reason, "a decision's reason");
    if (reason.effect() != effect) {
      throw new IllegalArgumentException("reason " + reason + " cannot explain a " + effect);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a decision needs a message");
    }
    obligations = Checks.list(obligations, "a decision's obligations");
    if (effect == Effect.DENY && !obligations.isEmpty()) {
      throw new IllegalArgumentException("a deny carries no obligations");
    }
  }

  public static Decision permit(ReasonCode reason, String message, List<Obligation> obligations) {
    return new Decision(Effect.PERMIT, reason, message, obligations);
  }

  public static Decision permit(ReasonCode reason, String message) {
    return new Decision(Effect.PERMIT, reason, message, List.of());
  }

  public static Decision deny(ReasonCode reason, String message) {
    return new Decision(Effect.DENY, reason, message, List.of());
  }

  public boolean isPermit() {
    return effect == Effect.PERMIT;
  }

  public boolean has(Obligation.Kind kind) {
    for (Obligation obligation : obligations) {
      if (obligation.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return effect + " " + reason + (obligations.isEmpty() ? "" : " " + obligations) + ": " + message;
  }
}
