package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Empty and single-leaf trees, argument checks, and independence from the caller's arrays. */
class MerkleTreeEdgeCasesTest {
  private static final List<byte[]> FIVE = RfcReference.leaves(5);

  @Test
  void theEmptyTreeHasNoLeavesAndTheEmptyRoot() {
    MerkleTree empty = MerkleTree.ofLeaves(List.of());

    assertThat(empty.size()).isZero();
    assertThat(empty.root()).isEqualTo(MerkleHash.emptyTreeRoot());
    assertThat(empty.rootAt(0)).isEqualTo(MerkleHash.emptyTreeRoot());
    assertThat(MerkleTree.ofLeafHashes(List.of()).root()).isEqualTo(MerkleHash.emptyTreeRoot());
  }

  @Test
  void theEmptyTreeHasNoInclusionProofs() {
    MerkleTree empty = MerkleTree.ofLeaves(List.of());

    assertThatThrownBy(() -> empty.inclusionProof(0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> empty.inclusionProof(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> empty.leafHash(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theEmptyTreeIsConsistentWithItselfThroughAnEmptyPath() {
    MerkleTree empty = MerkleTree.ofLeaves(List.of());
    ConsistencyProof proof = empty.consistencyProof(0);

    assertThat(proof).isEqualTo(new ConsistencyProof(0, 0, List.of()));
    assertThat(MerkleVerifier.verifyConsistency(proof, empty.root(), empty.root()))
        .isEqualTo(VerificationResult.VALID);
    MerkleHash notEmpty = MerkleHash.ofLeaf(new byte[0]);
    assertThat(MerkleVerifier.verifyConsistency(proof, empty.root(), notEmpty))
        .isEqualTo(VerificationResult.NEW_ROOT_MISMATCH);
  }

  @Test
  void noLeafIsIncludedInATreeOfSizeZero() {
    InclusionProof proof = new InclusionProof(0, 0, List.of());

    assertThat(MerkleVerifier.verifyInclusion(
            MerkleHash.emptyTreeRoot(), proof, MerkleHash.emptyTreeRoot()))
        .isEqualTo(VerificationResult.INDEX_OUT_OF_RANGE);
  }

  @Test
  void aSingleLeafTreeHasTheLeafHashAsRootAndAnEmptyInclusionPath() {
    byte[] leaf = {1, 2, 3};
    MerkleTree tree = MerkleTree.ofLeaves(List.of(leaf));
    InclusionProof proof = tree.inclusionProof(0);

    assertThat(tree.root()).isEqualTo(MerkleHash.ofLeaf(leaf));
    assertThat(proof).isEqualTo(new InclusionProof(0, 1, List.of()));
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(leaf, proof, tree.root()))
        .isEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(new byte[] {1, 2}, proof, tree.root()))
        .isEqualTo(VerificationResult.ROOT_MISMATCH);
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(leaf, new InclusionProof(1, 1, List.of()),
            tree.root()))
        .isEqualTo(VerificationResult.INDEX_OUT_OF_RANGE);
  }

  @Test
  void aSingleLeafTreeIsConsistentWithTheEmptyTreeAndWithItself() {
    MerkleTree tree = MerkleTree.ofLeaves(List.of(new byte[] {7}));

    assertThat(tree.consistencyProof(0).path()).isEmpty();
    assertThat(tree.consistencyProof(1).path()).isEmpty();
    assertThat(MerkleVerifier.verifyConsistency(
            tree.consistencyProof(0), MerkleHash.emptyTreeRoot(), tree.root()))
        .isEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyConsistency(tree.consistencyProof(1), tree.root(), tree.root()))
        .isEqualTo(VerificationResult.VALID);
  }

  @Test
  void theEmptyLeafIsALeafLikeAnyOther() {
    MerkleTree tree = MerkleTree.ofLeaves(List.of(new byte[0], new byte[0]));

    assertThat(tree.size()).isEqualTo(2);
    InclusionProof proof = tree.inclusionProof(1);
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(new byte[0], proof, tree.root()))
        .isEqualTo(VerificationResult.VALID);
  }

  @Test
  void proofRequestsOutsideTheTreeAreRefused() {
    MerkleTree tree = MerkleTree.ofLeaves(FIVE);

    assertThatThrownBy(() -> tree.inclusionProof(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> tree.inclusionProof(5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> tree.inclusionProof(3, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(0, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(2, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.rootAt(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.rootAt(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.leafHash(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void nullLeavesAreRefused() {
    List<byte[]> withNull = new ArrayList<>(FIVE);
    withNull.set(2, null);

    assertThatThrownBy(() -> MerkleTree.ofLeaves(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> MerkleTree.ofLeaves(withNull))
        .isInstanceOf(NullPointerException.class);
    List<MerkleHash> hashesWithNull = Arrays.asList(MerkleHash.emptyTreeRoot(), null);
    assertThatThrownBy(() -> MerkleTree.ofLeafHashes(hashesWithNull))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void changingTheCallersLeafArraysAfterwardsDoesNotChangeTheTree() {
    List<byte[]> leaves = RfcReference.leaves(5);
    MerkleTree tree = MerkleTree.ofLeaves(leaves);
    MerkleHash root = tree.root();

    leaves.get(3)[0] ^= 1;

    assertThat(tree.root()).isEqualTo(root);
    assertThat(tree.inclusionProof(3)).isEqualTo(MerkleTree.ofLeaves(FIVE).inclusionProof(3));
  }

  @Test
  void proofsAreImmutableValues() {
    MerkleTree tree = MerkleTree.ofLeaves(FIVE);
    InclusionProof proof = tree.inclusionProof(2);

    assertThat(proof).isEqualTo(tree.inclusionProof(2)).hasSameHashCodeAs(tree.inclusionProof(2));
    assertThatThrownBy(() -> proof.path().add(MerkleHash.emptyTreeRoot()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tree.consistencyProof(2).path().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void proofsRefuseNegativeNumbersAndOverlongPaths() {
    List<MerkleHash> tooLong = new ArrayList<>();
    for (int i = 0; i <= InclusionProof.MAX_PATH_LENGTH; i++) {
      tooLong.add(MerkleHash.emptyTreeRoot());
    }

    assertThatThrownBy(() -> new InclusionProof(-1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(0, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InclusionProof(0, 1, tooLong))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(-1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(0, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(1, 2, tooLong))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConsistencyProof(1, 2, Arrays.asList((MerkleHash) null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void describesItselfBySizeAndRoot() {
    MerkleTree tree = MerkleTree.ofLeaves(FIVE);

    assertThat(tree).hasToString("MerkleTree[size=5, root=" + tree.root().toHex() + "]");
  }
}
