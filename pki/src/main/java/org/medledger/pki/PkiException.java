package org.medledger.pki;

/** A PKI operation was refused. The message is one clear line meant for the person who asked. */
public class PkiException extends RuntimeException {

  /** Why an operation was refused, for callers that react differently to each. */
  public enum Reason {
    UNKNOWN_ROLE,
    INVALID_NAME,
    INVALID_ATTRIBUTE,
    ALREADY_REGISTERED,
    UNKNOWN_IDENTITY,
    WRONG_SECRET,
    SECRET_EXPIRED,
    SECRET_USED,
    BAD_CSR,
    UNSUPPORTED_KEY,
    IDENTITY_REVOKED,
    UNKNOWN_CERTIFICATE,
    ALREADY_REVOKED,
    MALFORMED
  }

  private final Reason reason;

  public PkiException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public PkiException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
