package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast tree against the naive transcription of RFC 9162 ({@link RfcReference}), for every
 * tree size from 0 to 70, every leaf index and every old size.
 */
class MerkleTreeMatchesRfcReferenceTest {
  private static final int MAX_SIZE = 70;
  private static final List<byte[]> LEAVES = RfcReference.leaves(MAX_SIZE);

  private static List<byte[]> first(int n) {
    return LEAVES.subList(0, n);
  }

  @Test
  void rootOfEveryTreeUpTo70LeavesIsTheRfcTreeHash() {
    for (int n = 0; n <= MAX_SIZE; n++) {
      MerkleTree tree = MerkleTree.ofLeaves(first(n));
      assertThat(tree.size()).isEqualTo(n);
      assertThat(tree.root().toHex()).as("MTH of %d leaves", n)
          .isEqualTo(Hex.of(RfcReference.mth(first(n))));
    }
  }

  @Test
  void rootAtEveryEarlierSizeIsTheRfcTreeHashOfThatPrefix() {
    for (int n = 0; n <= MAX_SIZE; n++) {
      MerkleTree tree = MerkleTree.ofLeaves(first(n));
      for (int m = 0; m <= n; m++) {
        assertThat(tree.rootAt(m).toHex()).as("MTH of the first %d of %d leaves", m, n)
            .isEqualTo(Hex.of(RfcReference.mth(first(m))));
      }
    }
  }

  @Test
  void leafHashOfEveryLeafIsTheRfcLeafHash() {
    MerkleTree tree = MerkleTree.ofLeaves(LEAVES);
    for (int i = 0; i < MAX_SIZE; i++) {
      assertThat(tree.leafHash(i).toHex()).isEqualTo(Hex.of(RfcReference.leafHash(LEAVES.get(i))));
    }
  }

  @Test
  void inclusionProofOfEveryLeafOfEveryTreeUpTo70LeavesIsTheRfcPath() {
    for (int n = 1; n <= MAX_SIZE; n++) {
      MerkleTree tree = MerkleTree.ofLeaves(first(n));
      for (int i = 0; i < n; i++) {
        InclusionProof proof = tree.inclusionProof(i);
        assertThat(proof.leafIndex()).isEqualTo(i);
        assertThat(proof.treeSize()).isEqualTo(n);
        assertThat(Hex.ofHashes(proof.path())).as("PATH(%d, D[%d])", i, n)
            .isEqualTo(Hex.ofBytes(RfcReference.path(i, first(n))));
      }
    }
  }

  @ParameterizedTest(name = "stored tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 32, 64, 65, 70})
  void inclusionProofAgainstEveryEarlierTreeSizeIsTheRfcPathOfThatPrefix(int n) {
    MerkleTree tree = MerkleTree.ofLeaves(first(n));
    for (int m = 1; m <= n; m++) {
      for (int i = 0; i < m; i++) {
        InclusionProof proof = tree.inclusionProof(i, m);
        assertThat(proof.treeSize()).isEqualTo(m);
        assertThat(Hex.ofHashes(proof.path())).as("PATH(%d, D[%d]) in a tree of %d", i, m, n)
            .isEqualTo(Hex.ofBytes(RfcReference.path(i, first(m))));
      }
    }
  }

  @Test
  void consistencyProofFromEveryOldSizeOfEveryTreeUpTo70LeavesIsTheRfcProof() {
    for (int n = 0; n <= MAX_SIZE; n++) {
      MerkleTree tree = MerkleTree.ofLeaves(first(n));
      for (int m = 0; m <= n; m++) {
        ConsistencyProof proof = tree.consistencyProof(m);
        assertThat(proof.oldSize()).isEqualTo(m);
        assertThat(proof.newSize()).isEqualTo(n);
        List<String> expected =
            m == 0 ? List.of() : Hex.ofBytes(RfcReference.proof(m, first(n)));
        assertThat(Hex.ofHashes(proof.path())).as("PROOF(%d, D[%d])", m, n).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "stored tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 32, 64, 65, 70})
  void consistencyProofBetweenEveryPairOfEarlierSizesIsTheRfcProofOfThatPrefix(int n) {
    MerkleTree tree = MerkleTree.ofLeaves(first(n));
    for (int newSize = 0; newSize <= n; newSize++) {
      for (int oldSize = 0; oldSize <= newSize; oldSize++) {
        ConsistencyProof proof = tree.consistencyProof(oldSize, newSize);
        List<String> expected =
            oldSize == 0 ? List.of() : Hex.ofBytes(RfcReference.proof(oldSize, first(newSize)));
        assertThat(Hex.ofHashes(proof.path()))
            .as("PROOF(%d, D[%d]) in a tree of %d", oldSize, newSize, n)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void everyProofOfEveryTreeUpTo70LeavesVerifiesAgainstItsRoots() {
    MerkleTree tree = MerkleTree.ofLeaves(LEAVES);
    for (int n = 0; n <= MAX_SIZE; n++) {
      MerkleHash root = tree.rootAt(n);
      for (int i = 0; i < n; i++) {
        InclusionProof proof = tree.inclusionProof(i, n);
        assertThat(MerkleVerifier.verifyInclusionOfLeaf(LEAVES.get(i), proof, root))
            .as("leaf %d of %d", i, n)
            .isEqualTo(VerificationResult.VALID);
      }
      for (int m = 0; m <= n; m++) {
        ConsistencyProof proof = tree.consistencyProof(m, n);
        assertThat(MerkleVerifier.verifyConsistency(proof, tree.rootAt(m), root))
            .as("%d leaves to %d", m, n)
            .isEqualTo(VerificationResult.VALID);
      }
    }
  }

  @Test
  void theDefinitionalVerifiersAcceptEveryRfcProof() {
    for (int n = 0; n <= MAX_SIZE; n++) {
      byte[] root = RfcReference.mth(first(n));
      for (int i = 0; i < n; i++) {
        assertThat(RfcReference.inclusionHolds(
                RfcReference.leafHash(LEAVES.get(i)), i, n, RfcReference.path(i, first(n)), root))
            .as("leaf %d of %d", i, n)
            .isTrue();
      }
      for (int m = 0; m <= n; m++) {
        List<byte[]> path = m == 0 ? List.of() : RfcReference.proof(m, first(n));
        assertThat(RfcReference.consistencyHolds(m, n, path, RfcReference.mth(first(m)), root))
            .as("%d leaves to %d", m, n)
            .isTrue();
      }
    }
  }

  @Test
  void aTreeBuiltFromLeafHashesEqualsTheTreeBuiltFromTheLeaves() {
    MerkleTree fromLeaves = MerkleTree.ofLeaves(LEAVES);
    List<MerkleHash> leafHashes = LEAVES.stream().map(MerkleHash::ofLeaf).toList();
    MerkleTree fromHashes = MerkleTree.ofLeafHashes(leafHashes);

    assertThat(fromHashes.root()).isEqualTo(fromLeaves.root());
    for (int i = 0; i < MAX_SIZE; i++) {
      assertThat(fromHashes.inclusionProof(i)).isEqualTo(fromLeaves.inclusionProof(i));
      assertThat(fromHashes.consistencyProof(i)).isEqualTo(fromLeaves.consistencyProof(i));
    }
  }
}
