package org.medledger.ledger.merkle;

import java.util.Arrays;
import java.util.List;

/**
 * Checks inclusion and consistency proofs against trusted root hashes with the algorithms of RFC
 * 9162 sections 2.1.3.2 and 2.1.4.2, step by step. Pure functions: no state, no I/O, and no
 * exception for any input (null arguments yield {@link VerificationResult#MISSING_INPUT}).
 *
 * <p>The root and the tree size(s) must come from the same authenticated tree head (a signed block
 * header): a proof cannot authenticate a size on its own. For some pairs of sizes the verification
 * computation is identical (an inclusion proof of leaf 0 in a tree of 5 leaves also verifies as
 * leaf 0 of 7 leaves against the same root), because a verifier cannot tell a leaf hash from a
 * node hash in the path.
 */
public final class MerkleVerifier {
  private MerkleVerifier() {}

  /**
   * Whether the leaf with this data is at {@code proof.leafIndex()} in the tree of {@code
   * proof.treeSize()} leaves whose root is {@code root}.
   *
   * @param leaf the leaf's data, hashed here as {@code SHA-256(0x00 || leaf)}
   * @param proof the inclusion proof
   * @param root the trusted root of the tree of {@code proof.treeSize()} leaves
   * @return {@link VerificationResult#VALID} or the reason the proof fails
   */
  public static VerificationResult verifyInclusionOfLeaf(
      byte[] leaf, InclusionProof proof, MerkleHash root) {
    if (leaf == null) {
      return VerificationResult.MISSING_INPUT;
    }
    return verifyInclusion(MerkleHash.ofLeaf(leaf), proof, root);
  }

  /**
   * Whether the leaf with this leaf hash is at {@code proof.leafIndex()} in the tree of {@code
   * proof.treeSize()} leaves whose root is {@code root} (RFC 9162 section 2.1.3.2).
   *
   * @param leafHash the leaf hash {@code SHA-256(0x00 || leaf)}
   * @param proof the inclusion proof
   * @param root the trusted root of the tree of {@code proof.treeSize()} leaves
   * @return {@link VerificationResult#VALID} or the reason the proof fails
   */
  public static VerificationResult verifyInclusion(
      MerkleHash leafHash, InclusionProof proof, MerkleHash root) {
    if (leafHash == null || proof == null || root == null) {
      return VerificationResult.MISSING_INPUT;
    }
    // 1. leaf_index must be below tree_size.
    if (proof.leafIndex() >= proof.treeSize()) {
      return VerificationResult.INDEX_OUT_OF_RANGE;
    }
    // 2. fn = leaf_index, sn = tree_size - 1.
    long fn = proof.leafIndex();
    long sn = proof.treeSize() - 1;
    // 3. r = hash.
    byte[] r = leafHash.toByteArray();
    Sha256 sha = new Sha256();
    // 4. Fold in each path element.
    for (MerkleHash p : proof.path()) {
      // 4a. A path element left over once sn is 0 makes the path too long.
      if (sn == 0) {
        return VerificationResult.WRONG_PATH_LENGTH;
      }
      // 4b. p is a left sibling when fn is a right child or the last node of its level.
      if ((fn & 1) == 1 || fn == sn) {
        sha.node(p.internalBytes(), 0, r, 0, r, 0);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sha.node(r, 0, p.internalBytes(), 0, r, 0);
      }
      // 4c.
      fn >>>= 1;
      sn >>>= 1;
    }
    // 5. sn must have reached 0 and r must be the root.
    if (sn != 0) {
      return VerificationResult.WRONG_PATH_LENGTH;
    }
    return Arrays.equals(r, root.internalBytes())
        ? VerificationResult.VALID
        : VerificationResult.ROOT_MISMATCH;
  }

  /**
   * Whether the tree of {@code proof.oldSize()} leaves with root {@code oldRoot} is a prefix of the
   * tree of {@code proof.newSize()} leaves with root {@code newRoot} (RFC 9162 section 2.1.4.2).
   *
   * <p>Cases the RFC leaves to the caller: the empty tree (old size 0) needs an empty path and
   * {@link MerkleHash#emptyTreeRoot()} as old root, and is a prefix of every tree (a new tree of
   * size 0 must have the same root); equal sizes need an empty path and equal roots.
   *
   * @param proof the consistency proof
   * @param oldRoot the trusted root of the tree of {@code proof.oldSize()} leaves
   * @param newRoot the trusted root of the tree of {@code proof.newSize()} leaves
   * @return {@link VerificationResult#VALID} or the reason the proof fails
   */
  public static VerificationResult verifyConsistency(
      ConsistencyProof proof, MerkleHash oldRoot, MerkleHash newRoot) {
    if (proof == null || oldRoot == null || newRoot == null) {
      return VerificationResult.MISSING_INPUT;
    }
    long first = proof.oldSize();
    long second = proof.newSize();
    List<MerkleHash> path = proof.path();
    if (first > second) {
      return VerificationResult.SIZES_OUT_OF_ORDER;
    }
    if (first == 0) {
      if (!path.isEmpty()) {
        return VerificationResult.WRONG_PATH_LENGTH;
      }
      if (!oldRoot.equals(MerkleHash.emptyTreeRoot())) {
        return VerificationResult.OLD_ROOT_MISMATCH;
      }
      return second > 0 || newRoot.equals(oldRoot)
          ? VerificationResult.VALID
          : VerificationResult.NEW_ROOT_MISMATCH;
    }
    if (first == second) {
      if (!path.isEmpty()) {
        return VerificationResult.WRONG_PATH_LENGTH;
      }
      return oldRoot.equals(newRoot) ? VerificationResult.VALID : VerificationResult.ROOT_MISMATCH;
    }
    // 1. An empty path proves nothing between different non-empty sizes.
    if (path.isEmpty()) {
      return VerificationResult.WRONG_PATH_LENGTH;
    }
    // 2. If first is a power of two, the old root is itself a node of the new tree: prepend it.
    boolean prependOldRoot = Long.bitCount(first) == 1;
    // 3.
    long fn = first - 1;
    long sn = second - 1;
    // 4. Skip the levels where the old tree's last node is a right child.
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // 5. fr = sr = the first value of the (possibly prepended) path.
    byte[] seed = prependOldRoot ? oldRoot.internalBytes() : path.get(0).internalBytes();
    byte[] fr = seed.clone();
    byte[] sr = seed.clone();
    Sha256 sha = new Sha256();
    // 6. Fold in each subsequent value c.
    for (int i = prependOldRoot ? 0 : 1; i < path.size(); i++) {
      byte[] c = path.get(i).internalBytes();
      // 6a.
      if (sn == 0) {
        return VerificationResult.WRONG_PATH_LENGTH;
      }
      // 6b.
      if ((fn & 1) == 1 || fn == sn) {
        sha.node(c, 0, fr, 0, fr, 0);
        sha.node(c, 0, sr, 0, sr, 0);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sha.node(sr, 0, c, 0, sr, 0);
      }
      // 6c.
      fn >>>= 1;
      sn >>>= 1;
    }
    // 7. sn must have reached 0, fr must be the old root and sr the new root.
    if (sn != 0) {
      return VerificationResult.WRONG_PATH_LENGTH;
    }
    if (!Arrays.equals(fr, oldRoot.internalBytes())) {
      return VerificationResult.OLD_ROOT_MISMATCH;
    }
    return Arrays.equals(sr, newRoot.internalBytes())
        ? VerificationResult.VALID
        : VerificationResult.NEW_ROOT_MISMATCH;
  }
}
