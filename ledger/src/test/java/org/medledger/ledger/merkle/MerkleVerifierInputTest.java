package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifiers answer every input with a result, never an exception. */
class MerkleVerifierInputTest {
  private static final MerkleTree TREE = MerkleTree.ofLeaves(RfcReference.leaves(6));
  private static final MerkleHash ROOT = TREE.root();
  private static final MerkleHash ANY = MerkleHash.emptyTreeRoot();

  @Test
  void missingArgumentsAreReportedNotThrown() {
    InclusionProof inclusion = TREE.inclusionProof(1);
    ConsistencyProof consistency = TREE.consistencyProof(3);

    assertThat(MerkleVerifier.verifyInclusionOfLeaf(null, inclusion, ROOT))
        .isEqualTo(VerificationResult.MISSING_INPUT);
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(new byte[0], null, ROOT))
        .isEqualTo(VerificationResult.MISSING_INPUT);
    assertThat(MerkleVerifier.verifyInclusion(null, inclusion, ROOT))
        .isEqualTo(VerificationResult.MISSING_INPUT);
    assertThat(MerkleVerifier.verifyInclusion(ANY, inclusion, null))
        .isEqualTo(VerificationResult.MISSING_INPUT);
    assertThat(MerkleVerifier.verifyConsistency(null, ANY, ROOT))
        .isEqualTo(VerificationResult.MISSING_INPUT);
    assertThat(MerkleVerifier.verifyConsistency(consistency, null, ROOT))
        .isEqualTo(VerificationResult.MISSING_INPUT);
    assertThat(MerkleVerifier.verifyConsistency(consistency, ANY, null))
        .isEqualTo(VerificationResult.MISSING_INPUT);
  }

  @Test
  void aLeafIndexAtOrBeyondTheTreeSizeIsOutOfRange() {
    List<MerkleHash> path = TREE.inclusionProof(5).path();

    assertThat(MerkleVerifier.verifyInclusion(ANY, new InclusionProof(6, 6, path), ROOT))
        .isEqualTo(VerificationResult.INDEX_OUT_OF_RANGE);
    assertThat(MerkleVerifier.verifyInclusion(
            ANY, new InclusionProof(Long.MAX_VALUE, 6, path), ROOT))
        .isEqualTo(VerificationResult.INDEX_OUT_OF_RANGE);
  }

  @Test
  void extremeSizesAndLongestPathsAreAnsweredWithoutThrowing() {
    List<MerkleHash> longest = Collections.nCopies(InclusionProof.MAX_PATH_LENGTH, ANY);
    long max = Long.MAX_VALUE;

    assertThat(MerkleVerifier.verifyInclusion(ANY, new InclusionProof(max - 1, max, longest), ROOT))
        .isEqualTo(VerificationResult.WRONG_PATH_LENGTH);
    // The last of 2^63 - 1 leaves is 62 levels deep; the one before it 63.
    assertThat(MerkleVerifier.verifyInclusion(
            ANY, new InclusionProof(max - 1, max, longest.subList(0, 62)), ROOT))
        .isEqualTo(VerificationResult.ROOT_MISMATCH);
    assertThat(MerkleVerifier.verifyInclusion(
            ANY, new InclusionProof(max - 2, max, longest.subList(0, 63)), ROOT))
        .isEqualTo(VerificationResult.ROOT_MISMATCH);
    assertThat(MerkleVerifier.verifyConsistency(
            new ConsistencyProof(max - 1, max, longest), ANY, ROOT))
        .isNotEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyConsistency(
            new ConsistencyProof(1L << 62, max, longest), ANY, ROOT))
        .isNotEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyConsistency(new ConsistencyProof(max, max, longest), ANY, ROOT))
        .isEqualTo(VerificationResult.WRONG_PATH_LENGTH);
  }

  @Test
  void aProofForOneTreeDoesNotVerifyAgainstTheRootOfAnother() {
    MerkleTree other = MerkleTree.ofLeaves(RfcReference.leaves(7));

    InclusionProof proof = TREE.inclusionProof(2);
    assertThat(MerkleVerifier.verifyInclusion(TREE.leafHash(2), proof, other.rootAt(6)))
        .isEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyInclusion(TREE.leafHash(2), proof, other.root()))
        .isEqualTo(VerificationResult.ROOT_MISMATCH);
  }
}
