package org.medledger.pki;

/** The outcome of validating a certificate, with a one-line reason when it is not valid. */
public record ValidationResult(Verdict verdict, String detail) {

  /** Why a certificate is or is not valid. */
  public enum Verdict {
    VALID,
    UNTRUSTED,
    INVALID_SIGNATURE,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED,
    MALFORMED
  }

  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  static ValidationResult valid(String detail) {
    return new ValidationResult(Verdict.VALID, detail);
  }
}
