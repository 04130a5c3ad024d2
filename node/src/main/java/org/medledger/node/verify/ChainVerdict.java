package org.medledger.node.verify;

/** The outcome of {@link ChainVerifier}, with the exit code {@code medledger verify-chain} uses. */
public enum ChainVerdict {
  /** Every stored block, index entry, seal and state entry checks out. */
  INTACT(0),
  /** Something stored differs from what the genesis and the chain's own transactions imply. */
  TAMPERED(1),
  /** The data directory is missing, empty, damaged at the storage level, or in use. */
  UNREADABLE(2);

  private final int exitCode;

  ChainVerdict(int exitCode) {
    this.exitCode = exitCode;
  }

  /** 0 intact, 1 tampered, 2 unreadable. */
  public int exitCode() {
    return exitCode;
  }
}
