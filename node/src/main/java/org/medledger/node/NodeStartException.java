package org.medledger.node;

/**
 * A node cannot start as configured: a file is missing, unreadable or of another node or network,
 * the passphrase is wrong, or the data directory holds another chain. The message says which
 * file or directory and what is wrong, in one line.
 */
public final class NodeStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeStartException(String message) {
    super(message);
  }

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
