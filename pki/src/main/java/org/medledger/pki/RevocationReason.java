package org.medledger.pki;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.CRLReason;

/** Why a certificate was revoked (RFC 5280 §5.3.1 reason codes that apply to MedLedger). */
public enum RevocationReason {
  UNSPECIFIED(CRLReason.unspecified),
  KEY_COMPROMISE(CRLReason.keyCompromise),
  AFFILIATION_CHANGED(CRLReason.affiliationChanged),
  SUPERSEDED(CRLReason.superseded),
  CESSATION_OF_OPERATION(CRLReason.cessationOfOperation),
  PRIVILEGE_WITHDRAWN(CRLReason.privilegeWithdrawn);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The command-line spelling, e.g. {@code key-compromise}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Accepts {@code key-compromise}, {@code key_compromise} or {@code keyCompromise}. */
  public static RevocationReason parse(String text) {
    String normalised = text == null ? "" : text.trim().replaceAll("([a-z])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    for (RevocationReason reason : values()) {
      if (reason.id().equals(normalised)) {
        return reason;
      }
    }
    throw new PkiException(PkiException.Reason.MALFORMED, "unknown revocation reason '" + text + "' (one of: "
        + Arrays.stream(values()).map(RevocationReason::id).collect(Collectors.joining(", ")) + ")");
  }
}
