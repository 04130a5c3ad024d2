package org.medledger.contracts.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why data is asked for: HL7 v3 PurposeOfUse codes (code system
 * {@code http://terminology.hl7.org/CodeSystem/v3-ActReason}).
 */
public enum PurposeOfUse {
  /** Treatment. */
  TREAT("treatment"),
  /** Emergency treatment: break-glass. */
  ETREAT("emergency treatment"),
  /** Payment. */
  HPAYMT("healthcare payment"),
  /** Healthcare operations, including compliance and audit. */
  HOPERAT("healthcare operations"),
  /** Research. */
  HRESCH("healthcare research"),
  /** The patient's own request. */
  PATRQT("patient requested"),
  /** Public health. */
  PUBHLTH("public health");

  public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

  private final String display;

  PurposeOfUse(String display) {
    this.display = display;
  }

  /** The HL7 code, e.g. {@code TREAT}. */
  public String code() {
    return name();
  }

  public String display() {
    return display;
  }

  /** Parses an HL7 code such as {@code TREAT} (case-insensitive); anything else fails with the list of codes. */
  public static PurposeOfUse parse(String code) {
    String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    for (PurposeOfUse purpose : values()) {
      if (purpose.name().equals(wanted)) {
        return purpose;
      }
    }
    throw new IllegalArgumentException(
        "unknown purpose of use '" + code + "' (one of: "
            + Arrays.stream(values()).map(PurposeOfUse::code).collect(Collectors.joining(", ")) + ")");
  }
}
