package org.medledger.node.producer;

/**
 * The block holding a transaction could not be executed, stored or sealed (typically a storage
 * failure). The transaction may or may not be on chain: look it up by id. The node stops
 * producing blocks after such a failure.
 */
public final class BlockCommitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockCommitException(String message) {
    super(message, null, false, false);
  }
}
