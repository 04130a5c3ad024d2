package org.medledger.ledger.codec;

/** Bytes that are not the canonical encoding of a MedLedger value. The only error decoding throws. */
public class MalformedEncodingException extends RuntimeException {
  public MalformedEncodingException(String message) {
    super(message, null, false, false); // no stack trace: rejecting garbage must stay cheap
  }
}
