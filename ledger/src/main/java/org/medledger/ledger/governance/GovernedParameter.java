package org.medledger.ledger.governance;

/**
 * A parameter of the chain that lives in the state ({@code governance/parameter/<name>}) and
 * changes only through governance ({@link GovernanceAction.SetParameter}). The contract that
 * reads it declares it, with the check a new value must pass; governance refuses to propose or
 * carry out a value the check refuses, or a parameter nobody declared.
 */
public interface GovernedParameter {
  /** The parameter's name: lower-case letters, digits, '-' and '.', at most {@value GovernanceKeys#MAX_PARAMETER_NAME} characters. */
  String name();

  /**
   * Accepts a value that may be set; throws IllegalArgumentException, saying why, for any other.
   * Deterministic, and without side effects.
   */
  void check(byte[] value) throws IllegalArgumentException;

  /** Whether {@code name} is well formed as a parameter name. */
  static boolean isWellFormedName(String name) {
    if (name == null || name.isEmpty() || name.length() > GovernanceKeys.MAX_PARAMETER_NAME) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }
}
