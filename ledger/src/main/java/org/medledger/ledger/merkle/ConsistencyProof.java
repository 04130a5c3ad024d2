package org.medledger.ledger.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The claim that the tree of {@code oldSize} leaves is a prefix of the tree of {@code newSize}
 * leaves, with the consistency path of RFC 9162 section 2.1.4.1.
 *
 * <p>Immutable. Constructing a proof checks only its form (non-negative sizes, at most {@link
 * #MAX_PATH_LENGTH} hashes); {@link MerkleVerifier#verifyConsistency} decides whether it holds. A
 * proof from the empty tree or between equal sizes has an empty path.
 *
 * @param oldSize number of leaves of the older tree
 * @param newSize number of leaves of the newer tree
 * @param path the consistency path, deepest node first
 */
public record ConsistencyProof(long oldSize, long newSize, List<MerkleHash> path) {
  /**
   * The longest path any proof may carry: a consistency path into a tree of n leaves has at most
   * ceil(log2(n)) + 1 hashes, which is 64 for every n below 2^63.
   */
  public static final int MAX_PATH_LENGTH = 64;

  /**
   * @throws IllegalArgumentException if a size is negative or the path is too long
   * @throws NullPointerException if the path or one of its hashes is null
   */
  public ConsistencyProof {
    if (oldSize < 0) {
      throw new IllegalArgumentException("old size is negative: " + oldSize);
    }
    if (newSize < 0) {
      throw new IllegalArgumentException("new size is negative: " + newSize);
    }
    Objects.requireNonNull(path, "path");
    if (path.size() > MAX_PATH_LENGTH) {
      throw new IllegalArgumentException(
          "path has " + path.size() + " hashes, at most " + MAX_PATH_LENGTH + " allowed");
    }
    path = List.copyOf(path);
  }
}
