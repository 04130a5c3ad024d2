package org.medledger.contracts.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.PkiException;

/** Validation helpers shared by the policy model: every failure is an IllegalArgumentException. */
final class Checks {
  /** The longest written reason (break-glass) kept in a decision or a grant. */
  static final int MAX_REASON_LENGTH = 1000;

  private Checks() {}

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  /** A person's name as certificates carry it (see {@link IdentityClaims#requireValidName}). */
  static String name(String name) {
    try {
      IdentityClaims.requireValidName(name);
    } catch (PkiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return name;
  }

  /** A written reason: not blank, at most {@link #MAX_REASON_LENGTH} characters, stripped. */
  static String reason(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank written reason");
    }
    String stripped = reason.strip();
    if (stripped.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          what + " is too long: " + stripped.length() + " characters (at most " + MAX_REASON_LENGTH + ")");
    }
    return stripped;
  }

  /** An unmodifiable, ordered copy of a set of enum constants; null is taken as empty. */
  static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String what) {
    if (values == null || values.isEmpty()) {
      return Collections.unmodifiableSet(EnumSet.noneOf(type));
    }
    for (E value : values) {
      if (value == null) {
        throw new IllegalArgumentException(what + " must not contain null");
      }
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(values));
  }

  /** An unmodifiable copy of a list; null is taken as empty; null elements are rejected. */
  static <T> List<T> list(Collection<T> values, String what) {
    if (values == null) {
      return List.of();
    }
    for (T value : values) {
      if (value == null) {
        throw new IllegalArgumentException(what + " must not contain null");
      }
    }
    return List.copyOf(values);
  }
}
