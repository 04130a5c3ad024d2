package org.medledger.client.cli;

/** A command was refused because of what the user asked; the message is one line for them. */
public class CliException extends RuntimeException {
  public CliException(String message) {
    super(message);
  }
}
