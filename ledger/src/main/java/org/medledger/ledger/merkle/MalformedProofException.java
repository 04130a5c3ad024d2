package org.medledger.ledger.merkle;

/**
 * Bytes handed to {@link MerkleProofCodec} are not the encoding of a proof. The only exception the
 * decoders throw, whatever the input.
 */
public final class MalformedProofException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A decoding failure with a message that names what is wrong with the input. */
  public MalformedProofException(String message) {
    super(message);
  }
}
