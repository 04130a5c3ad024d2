package org.medledger.node.producer;

/**
 * The node is stopping (or has stopped producing blocks): a waiting transaction was not committed
 * and no new one is accepted. The transaction is not on chain; submit it again to a running node.
 */
public final class NodeStoppingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeStoppingException(String message) {
    super(message, null, false, false);
  }
}
