package org.medledger.ledger.merkle;

/** The outcome of checking a Merkle proof with {@link MerkleVerifier}. */
public enum VerificationResult {
  /** The proof holds. */
  VALID,
  /** An argument was null. */
  MISSING_INPUT,
  /** Inclusion: the leaf index is not below the tree size. */
  INDEX_OUT_OF_RANGE,
  /** Consistency: the old tree size exceeds the new one. */
  SIZES_OUT_OF_ORDER,
  /** The path has more or fewer hashes than the index and size(s) call for. */
  WRONG_PATH_LENGTH,
  /**
   * Inclusion: the path leads from the leaf to a different root. Consistency between equal sizes:
   * the two roots differ.
   */
  ROOT_MISMATCH,
  /** Consistency: the path does not reproduce the old root. */
  OLD_ROOT_MISMATCH,
  /** Consistency: the path does not reproduce the new root. */
  NEW_ROOT_MISMATCH;

  /** Whether this is {@link #VALID}. */
  public boolean isValid() {
    return this == VALID;
  }
}
