package org.medledger.node.producer;

/** Too many transactions are waiting for a block; this one was not accepted. Try again shortly. */
public final class NodeOverloadedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeOverloadedException(String message) {
    super(message, null, false, false);
  }
}
