package org.medledger.ledger.merkle;

/**
 * Bytes handed to {@link MerkleProofCodec} are not the encoding of a proof. The only exception the
 * decoders throw, whatever the input.
 *
 * <p>It carries no stack trace: it reports bad input, not a bug, and its message says what is
 * wrong; skipping the trace keeps rejecting garbage from the network cheap.
 */
public final class MalformedProofException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A decoding failure with a message that names what is wrong with the input. */
  public MalformedProofException(String message) {
    super(message, null, false, false);
  }
}
