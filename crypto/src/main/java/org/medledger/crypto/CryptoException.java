package org.medledger.crypto;

/** A cryptographic operation could not be performed (bad key, unsupported parameters, bad input). */
public class CryptoException extends RuntimeException {
  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
