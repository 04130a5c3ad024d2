package org.medledger.ledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable RFC 6962 / RFC 9162 Merkle tree over an ordered list of leaves, producing its root,
 * inclusion proofs and consistency proofs, both for the whole tree and for any earlier tree made
 * of the first {@code m} leaves.
 *
 * <p>The tree stores, per level, the hashes of its complete subtrees only (level {@code k} holds
 * {@code floor(size / 2^k)} hashes in one contiguous array), about {@code 2 * size * 32} bytes in
 * all. Building hashes each leaf and node once, O(size). A root, inclusion proof or consistency
 * proof, for this size or an earlier one, reads O(log size) stored hashes and computes at most
 * O(log size) hashes for the incomplete right edge of the requested tree.
 *
 * <p>Thread-safe: nothing changes after construction. Sizes and indexes are {@code long} like
 * those of the proofs; one tree holds at most {@link #MAX_LEAVES} leaves.
 */
public final class MerkleTree {
  /** The largest number of leaves one tree can hold (its leaf level is one Java array). */
  public static final int MAX_LEAVES = Integer.MAX_VALUE / MerkleHash.LENGTH;

  private static final int H = MerkleHash.LENGTH;

  private final int size;
  /** {@code levels[k]} holds the hashes of the complete subtrees of {@code 2^k} leaves. */
  private final byte[][] levels;

  private final MerkleHash root;

  private MerkleTree(int size, byte[][] levels) {
    this.size = size;
    this.levels = levels;
    this.root = rootOfPrefix(size);
  }

  /**
   * The tree over these leaves, in order; each is hashed as {@code SHA-256(0x00 || leaf)}.
   *
   * @throws IllegalArgumentException if there are more than {@link #MAX_LEAVES} leaves
   * @throws NullPointerException if the list or a leaf is null
   */
  public static MerkleTree ofLeaves(List<byte[]> leaves) {
    Objects.requireNonNull(leaves, "leaves");
    int n = checkedSize(leaves.size());
    byte[] leafLevel = new byte[n * H];
    Sha256 sha = new Sha256();
    int i = 0;
    for (byte[] leaf : leaves) {
      sha.leaf(Objects.requireNonNull(leaf, "leaf"), leafLevel, i * H);
      i++;
    }
    return new MerkleTree(n, buildLevels(sha, leafLevel, n));
  }

  /**
   * The tree whose leaves have these leaf hashes, in order (for callers that already hold
   * {@code SHA-256(0x00 || leaf)} of each leaf).
   *
   * @throws IllegalArgumentException if there are more than {@link #MAX_LEAVES} leaves
   * @throws NullPointerException if the list or a hash is null
   */
  public static MerkleTree ofLeafHashes(List<MerkleHash> leafHashes) {
    Objects.requireNonNull(leafHashes, "leafHashes");
    int n = checkedSize(leafHashes.size());
    byte[] leafLevel = new byte[n * H];
    int i = 0;
    for (MerkleHash hash : leafHashes) {
      System.arraycopy(
          Objects.requireNonNull(hash, "leaf hash").internalBytes(), 0, leafLevel, i * H, H);
      i++;
    }
    return new MerkleTree(n, buildLevels(new Sha256(), leafLevel, n));
  }

  private static int checkedSize(int n) {
    if (n > MAX_LEAVES) {
      throw new IllegalArgumentException(
          "a tree holds at most " + MAX_LEAVES + " leaves, got " + n);
    }
    return n;
  }

  private static byte[][] buildLevels(Sha256 sha, byte[] leafLevel, int n) {
    int height = n == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(n);
    byte[][] levels = new byte[height][];
    if (height == 0) {
      return levels;
    }
    levels[0] = leafLevel;
    int count = n;
    for (int k = 1; k < height; k++) {
      byte[] below = levels[k - 1];
      count /= 2;
      byte[] level = new byte[count * H];
      for (int i = 0; i < count; i++) {
        sha.node(below, 2 * i * H, below, (2 * i + 1) * H, level, i * H);
      }
      levels[k] = level;
    }
    return levels;
  }

  /** The number of leaves. */
  public long size() {
    return size;
  }

  /** The Merkle tree hash of all leaves, {@code MTH(D[0:size])}. */
  public MerkleHash root() {
    return root;
  }

  /**
   * The Merkle tree hash of the first {@code treeSize} leaves, {@code MTH(D[0:treeSize])}: the root
   * this tree had when it held that many leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= treeSize <= size()}
   */
  public MerkleHash rootAt(long treeSize) {
    return rootOfPrefix(checkTreeSize(treeSize, 0));
  }

  /**
   * The leaf hash of the leaf at {@code index}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public MerkleHash leafHash(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "leaf index " + index + " is outside a tree of " + size + " leaves");
    }
    return MerkleHash.copyOf(levels[0], (int) index * H);
  }

  /**
   * The inclusion proof of the leaf at {@code index} in this tree.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public InclusionProof inclusionProof(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(
          "leaf index " + index + " is outside a tree of " + size + " leaves");
    }
    return inclusionProof(index, size);
  }

  /**
   * The inclusion proof of the leaf at {@code index} in the tree of the first {@code treeSize}
   * leaves, {@code PATH(index, D[0:treeSize])} of RFC 9162 section 2.1.3.1.
   *
   * @throws IllegalArgumentException unless {@code 1 <= treeSize <= size()}
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < treeSize}
   */
  public InclusionProof inclusionProof(long index, long treeSize) {
    int m = checkTreeSize(treeSize, 1);
    if (index < 0 || index >= m) {
      throw new IndexOutOfBoundsException(
          "leaf index " + index + " is outside a tree of " + m + " leaves");
    }
    int leaf = (int) index;
    Sha256 sha = new Sha256();
    List<MerkleHash> rootToLeaf = new ArrayList<>();
    int start = 0;
    int end = m;
    while (end - start > 1) {
      int split = start + largestPowerOfTwoBelow(end - start);
      if (leaf < split) {
        rootToLeaf.add(subtreeHash(sha, split, end));
        end = split;
      } else {
        rootToLeaf.add(subtreeHash(sha, start, split));
        start = split;
      }
    }
    Collections.reverse(rootToLeaf);
    return new InclusionProof(index, treeSize, rootToLeaf);
  }

  /**
   * The consistency proof from the tree of the first {@code oldSize} leaves to this tree.
   *
   * @throws IllegalArgumentException unless {@code 0 <= oldSize <= size()}
   */
  public ConsistencyProof consistencyProof(long oldSize) {
    return consistencyProof(oldSize, size);
  }

  /**
   * The consistency proof from the tree of the first {@code oldSize} leaves to the tree of the
   * first {@code newSize} leaves, {@code PROOF(oldSize, D[0:newSize])} of RFC 9162 section 2.1.4.1.
   * The path is empty when {@code oldSize} is 0 (the empty tree is a prefix of every tree) or
   * equals {@code newSize}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= oldSize <= newSize <= size()}
   */
  public ConsistencyProof consistencyProof(long oldSize, long newSize) {
    int n = checkTreeSize(newSize, 0);
    if (oldSize < 0 || oldSize > n) {
      throw new IllegalArgumentException(
          "old size " + oldSize + " is outside 0.." + n + " (the new size)");
    }
    int m = (int) oldSize;
    if (m == 0 || m == n) {
      return new ConsistencyProof(oldSize, newSize, List.of());
    }
    Sha256 sha = new Sha256();
    List<MerkleHash> rootToLeaf = new ArrayList<>();
    int start = 0;
    int end = n;
    boolean oldRootIsThisNode = true;
    while (m != end) {
      int split = start + largestPowerOfTwoBelow(end - start);
      if (m <= split) {
        rootToLeaf.add(subtreeHash(sha, split, end));
        end = split;
      } else {
        rootToLeaf.add(subtreeHash(sha, start, split));
        start = split;
        oldRootIsThisNode = false;
      }
    }
    if (!oldRootIsThisNode) {
      rootToLeaf.add(subtreeHash(sha, start, end));
    }
    Collections.reverse(rootToLeaf);
    return new ConsistencyProof(oldSize, newSize, rootToLeaf);
  }

  private int checkTreeSize(long treeSize, int minimum) {
    if (treeSize < minimum || treeSize > size) {
      throw new IllegalArgumentException(
          "tree size " + treeSize + " is outside " + minimum + ".." + size);
    }
    return (int) treeSize;
  }

  private MerkleHash rootOfPrefix(int treeSize) {
    if (treeSize == 0) {
      return MerkleHash.emptyTreeRoot();
    }
    return subtreeHash(new Sha256(), 0, treeSize);
  }

  /** {@code MTH(D[start:end])} for a subtree of the RFC 9162 decomposition of a prefix tree. */
  private MerkleHash subtreeHash(Sha256 sha, int start, int end) {
    byte[] out = new byte[H];
    writeSubtreeHash(sha, start, end, out, 0);
    return MerkleHash.wrap(out);
  }

  /**
   * Writes {@code MTH(D[start:end])} to {@code out}. Every subtree of the decomposition whose width
   * is a power of two is complete and starts at a multiple of its width, so it is stored; the
   * others lie on the right edge of the requested tree and are computed from their two children.
   */
  private void writeSubtreeHash(Sha256 sha, int start, int end, byte[] out, int outOffset) {
    int width = end - start;
    if (Integer.bitCount(width) == 1) {
      int level = Integer.numberOfTrailingZeros(width);
      System.arraycopy(levels[level], (start >>> level) * H, out, outOffset, H);
      return;
    }
    int split = start + largestPowerOfTwoBelow(width);
    byte[] children = new byte[2 * H];
    writeSubtreeHash(sha, start, split, children, 0);
    writeSubtreeHash(sha, split, end, children, H);
    sha.node(children, 0, children, H, out, outOffset);
  }

  /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2}. */
  private static int largestPowerOfTwoBelow(int n) {
    return Integer.highestOneBit(n - 1);
  }

  @Override
  public String toString() {
    return "MerkleTree[size=" + size + ", root=" + root + "]";
  }
}
