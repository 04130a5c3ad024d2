package org.medledger.client.network;

/** A network directory, wallet or one of their files is missing, unreadable or malformed. */
public class NetworkFileException extends RuntimeException {
  public NetworkFileException(String message) {
    super(message);
  }

  public NetworkFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
