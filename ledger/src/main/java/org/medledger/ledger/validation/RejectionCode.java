package org.medledger.ledger.validation;

/** Why a validator refuses a transaction before any contract runs. The id goes into the result. */
public enum RejectionCode {
  TOO_LARGE("too-large"),
  WRONG_CHAIN("wrong-chain"),
  UNKNOWN_TYPE("unknown-type"),
  MALFORMED_PAYLOAD("malformed-payload"),
  REPLAY("replay"),
  UNKNOWN_CERTIFICATE("unknown-certificate"),
  CERTIFICATE_MISMATCH("certificate-mismatch"),
  UNTRUSTED_CERTIFICATE("untrusted-certificate"),
  CERTIFICATE_NOT_YET_VALID("certificate-not-yet-valid"),
  CERTIFICATE_EXPIRED("certificate-expired"),
  CERTIFICATE_REVOKED("certificate-revoked"),
  IDENTITY_SUSPENDED("identity-suspended"),
  ROLE_NOT_ALLOWED("role-not-allowed"),
  BAD_SIGNATURE("bad-signature");

  private final String id;

  RejectionCode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
