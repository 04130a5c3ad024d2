package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tree of 2^20 + 3 leaves (the edge of a power of two, so that the right edge is ragged):
 * building it and proving against it and its prefixes stays correct at scale. Speed is measured
 * by the JMH benchmark; the timeouts only catch an accidental quadratic.
 */
class MillionLeafTreeTest {
  private static final int SIZE = (1 << 20) + 3;
  private static List<byte[]> leaves;
  private static MerkleTree tree;

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  static void buildTheTree() {
    leaves = new ArrayList<>(SIZE);
    for (int i = 0; i < SIZE; i++) {
      leaves.add(ByteBuffer.allocate(8).putLong(i).array());
    }
    tree = MerkleTree.ofLeaves(leaves);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void inclusionProofsOfLeavesAcrossTheTreeVerify() {
    for (long index = 0; index < SIZE; index += 9973) {
      InclusionProof proof = tree.inclusionProof(index);
      assertThat(proof.path()).hasSizeBetween(20, 21);
      assertThat(MerkleVerifier.verifyInclusionOfLeaf(leaves.get((int) index), proof, tree.root()))
          .isEqualTo(VerificationResult.VALID);
    }
    InclusionProof last = tree.inclusionProof(SIZE - 1);
    assertThat(last.path()).hasSize(2);
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(leaves.get(SIZE - 1), last, tree.root()))
        .isEqualTo(VerificationResult.VALID);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void consistencyProofsFromOlderSizesVerify() {
    for (long oldSize = 1; oldSize <= SIZE; oldSize += 10007) {
      ConsistencyProof proof = tree.consistencyProof(oldSize);
      assertThat(MerkleVerifier.verifyConsistency(proof, tree.rootAt(oldSize), tree.root()))
          .as("from %d", oldSize)
          .isEqualTo(VerificationResult.VALID);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void proofsAgainstAnOlderTreeHeadMatchATreeBuiltFromThatPrefix() {
    int oldSize = 4099;
    MerkleTree older = MerkleTree.ofLeaves(leaves.subList(0, oldSize));

    assertThat(tree.rootAt(oldSize)).isEqualTo(older.root());
    assertThat(tree.inclusionProof(4000, oldSize)).isEqualTo(older.inclusionProof(4000));
    assertThat(tree.consistencyProof(1000, oldSize)).isEqualTo(older.consistencyProof(1000));
  }
}
