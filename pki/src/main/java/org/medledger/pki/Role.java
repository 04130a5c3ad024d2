package org.medledger.pki;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The roles of MedLedger, one enum for the whole project: the certificate profile, the contracts
 * and the REST layer all use it. A role is carried in the certificate (and, later, recorded on
 * chain); it is never taken from a request.
 */
public enum Role {
  PATIENT,
  PHYSICIAN,
  NURSE,
  PHARMACIST,
  INSURER,
  RESEARCHER,
  AUDITOR,
  REGISTRAR,
  VALIDATOR;

  /** The lower-case name used in certificates, files and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for roles held by nodes rather than people. */
  public boolean isNode() {
    return this == VALIDATOR;
  }

  /** Parses a role name such as {@code physician}; rejects anything else with the list of roles. */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.id().equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new PkiException(
        PkiException.Reason.UNKNOWN_ROLE,
        "unknown role '" + text + "' (one of: " + allIds() + ")");
  }

  static String allIds() {
    return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
  }
}
