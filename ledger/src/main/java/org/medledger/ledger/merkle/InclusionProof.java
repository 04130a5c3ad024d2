package org.medledger.ledger.merkle;

import java.util.List;
import java.util.Objects;

/**
 * The claim that the leaf at {@code leafIndex} is in the tree of {@code treeSize} leaves, with the
 * inclusion path of RFC 9162 section 2.1.3.1: sibling hashes from the leaf's level up to the root.
 *
 * <p>Immutable. Constructing a proof checks only its form (non-negative numbers, at most {@link
 * #MAX_PATH_LENGTH} hashes); {@link MerkleVerifier#verifyInclusion} decides whether it holds.
 *
 * @param leafIndex zero-based index of the leaf
 * @param treeSize number of leaves of the tree the proof is for
 * @param path sibling hashes, the leaf's sibling first
 */
public record InclusionProof(long leafIndex, long treeSize, List<MerkleHash> path) {
  /**
   * The longest path any proof may carry, the same bound as {@link
   * ConsistencyProof#MAX_PATH_LENGTH}: a tree of fewer than 2^63 leaves is at most 63 levels deep.
   */
  public static final int MAX_PATH_LENGTH = 64;

  /**
   * @throws IllegalArgumentException if an index or size is negative or the path is too long
   * @throws NullPointerException if the path or one of its hashes is null
   */
  public InclusionProof {
    if (leafIndex < 0) {
      throw new IllegalArgumentException("leaf index is negative: " + leafIndex);
    }
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size is negative: " + treeSize);
    }
    Objects.requireNonNull(path, "path");
    if (path.size() > MAX_PATH_LENGTH) {
      throw new IllegalArgumentException(
          "path has " + path.size() + " hashes, at most " + MAX_PATH_LENGTH + " allowed");
    }
    path = List.copyOf(path);
  }
}
