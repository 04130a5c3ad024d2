package org.medledger.contracts.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An HL7 v3 security label on a record: a confidentiality code or a sensitivity (information
 * sensitivity policy) code. Which labels policy treats as sensitive is a parameter
 * ({@link PolicyParameters#sensitiveLabels()}); {@link #isSensitive()} gives the default.
 */
public enum SecurityLabel {
  /** Normal confidentiality. */
  N(Kind.CONFIDENTIALITY, "normal"),
  /** Restricted confidentiality. */
  R(Kind.CONFIDENTIALITY, "restricted"),
  /** Very restricted confidentiality. */
  V(Kind.CONFIDENTIALITY, "very restricted"),
  /** Mental health (psychiatry) information. */
  PSY(Kind.SENSITIVITY, "mental health"),
  /** Substance use (alcohol and drug) information. */
  ETH(Kind.SENSITIVITY, "substance use"),
  /** HIV/AIDS information. */
  HIV(Kind.SENSITIVITY, "HIV/AIDS"),
  /** Genetic disease information. */
  GDIS(Kind.SENSITIVITY, "genetic disease");

  /** The two HL7 code systems a label comes from. */
  public enum Kind {
    CONFIDENTIALITY("http://terminology.hl7.org/CodeSystem/v3-Confidentiality"),
    SENSITIVITY("http://terminology.hl7.org/CodeSystem/v3-ActCode");

    private final String system;

    Kind(String system) {
      this.system = system;
    }

    public String system() {
      return system;
    }
  }

  /** The default sensitive labels: mental health, substance use, HIV and genetics. */
  public static final Set<SecurityLabel> DEFAULT_SENSITIVE =
      Collections.unmodifiableSet(EnumSet.of(PSY, ETH, HIV, GDIS));

  private final Kind kind;
  private final String display;

  SecurityLabel(Kind kind, String display) {
    this.kind = kind;
    this.display = display;
  }

  public String code() {
    return name();
  }

  public Kind kind() {
    return kind;
  }

  public String display() {
    return display;
  }

  /** True for the four sensitivity codes, the default sensitive set. */
  public boolean isSensitive() {
    return kind == Kind.SENSITIVITY;
  }

  /** Parses a code such as {@code PSY} (case-insensitive); anything else fails with the list of codes. */
  public static SecurityLabel parse(String code) {
    String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    for (SecurityLabel label : values()) {
      if (label.name().equals(wanted)) {
        return label;
      }
    }
    throw new IllegalArgumentException(
        "unknown security label '" + code + "' (one of: "
            + Arrays.stream(values()).map(SecurityLabel::code).collect(Collectors.joining(", ")) + ")");
  }
}
