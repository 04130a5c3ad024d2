package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every single-bit change to an inclusion proof, its root or its leaf, for every leaf of trees of
 * several sizes (1, odd sizes, powers of two and their neighbours). Failures are collected per tree
 * so that one report lists them all.
 */
class InclusionProofTamperingTest {
  private static final int HASH_BITS = MerkleHash.LENGTH * 8;

  private static final class Case {
    final List<byte[]> leaves;
    final MerkleTree tree;

    Case(int n) {
      leaves = RfcReference.leaves(n);
      tree = MerkleTree.ofLeaves(leaves);
    }

    VerificationResult verify(int index, InclusionProof proof) {
      return MerkleVerifier.verifyInclusionOfLeaf(leaves.get(index), proof, tree.root());
    }
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInAPathHashIsRejectedAsRootMismatch(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InclusionProof proof = c.tree.inclusionProof(i);
      for (int element = 0; element < proof.path().size(); element++) {
        for (int bit = 0; bit < HASH_BITS; bit++) {
          InclusionProof tampered = new InclusionProof(
              i, n, Tamper.flipBit(proof.path(), element, bit));
          VerificationResult result = c.verify(i, tampered);
          if (result != VerificationResult.ROOT_MISMATCH) {
            accepted.add("leaf " + i + " element " + element + " bit " + bit + ": " + result);
          }
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInTheRootIsRejectedAsRootMismatch(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InclusionProof proof = c.tree.inclusionProof(i);
      for (int bit = 0; bit < HASH_BITS; bit++) {
        VerificationResult result = MerkleVerifier.verifyInclusionOfLeaf(
            c.leaves.get(i), proof, Tamper.flipBit(c.tree.root(), bit));
        if (result != VerificationResult.ROOT_MISMATCH) {
          accepted.add("leaf " + i + " root bit " + bit + ": " + result);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInTheLeafOrItsHashIsRejectedAsRootMismatch(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InclusionProof proof = c.tree.inclusionProof(i);
      byte[] leaf = c.leaves.get(i);
      for (int bit = 0; bit < Tamper.bitsIn(leaf); bit++) {
        VerificationResult result = MerkleVerifier.verifyInclusionOfLeaf(
            Tamper.flipBit(leaf, bit), proof, c.tree.root());
        if (result != VerificationResult.ROOT_MISMATCH) {
          accepted.add("leaf " + i + " data bit " + bit + ": " + result);
        }
      }
      for (int bit = 0; bit < HASH_BITS; bit++) {
        VerificationResult result = MerkleVerifier.verifyInclusion(
            Tamper.flipBit(c.tree.leafHash(i), bit), proof, c.tree.root());
        if (result != VerificationResult.ROOT_MISMATCH) {
          accepted.add("leaf " + i + " hash bit " + bit + ": " + result);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInTheLeafIndexIsRejected(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InclusionProof proof = c.tree.inclusionProof(i);
      for (int bit = 0; bit < 63; bit++) {
        InclusionProof tampered = new InclusionProof(i ^ (1L << bit), n, proof.path());
        VerificationResult result = c.verify(i, tampered);
        if (result.isValid()) {
          accepted.add("leaf " + i + " index bit " + bit);
        }
      }
      long signBitFlipped = i ^ Long.MIN_VALUE;
      assertThatThrownBy(() -> new InclusionProof(signBitFlipped, n, proof.path()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(accepted).isEmpty();
  }

  /**
   * A proof does not authenticate the tree size (the signed tree head does): where the RFC
   * definitions themselves give the same computation for the flipped size, the verifier must
   * accept, and everywhere else it must reject. The verifier agrees with the definitional
   * reference on every flip.
   */
  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void aSingleBitFlipInTheTreeSizeIsAcceptedExactlyWhenTheRfcDefinitionsAcceptIt(int n) {
    Case c = new Case(n);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      InclusionProof proof = c.tree.inclusionProof(i);
      byte[] leafHash = c.tree.leafHash(i).toByteArray();
      for (int bit = 0; bit < 63; bit++) {
        long size = n ^ (1L << bit);
        VerificationResult result = c.verify(i, new InclusionProof(i, size, proof.path()));
        boolean holds = RfcReference.inclusionHolds(
            leafHash, i, size, Hex.bytesOf(proof.path()), c.tree.root().toByteArray());
        if (result.isValid() != holds) {
          disagreements.add("leaf " + i + " size " + size + ": " + result + ", reference " + holds);
        }
      }
      long signBitFlipped = n ^ Long.MIN_VALUE;
      long index = i;
      assertThatThrownBy(() -> new InclusionProof(index, signBitFlipped, proof.path()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theTreeSizeIsAuthenticatedByTheTreeHeadNotByTheProof() {
    Case c = new Case(5);
    InclusionProof proof = c.tree.inclusionProof(0);

    assertThat(c.verify(0, proof)).isEqualTo(VerificationResult.VALID);
    // 5 = 0b101 and 7 = 0b111: the verification computation is the same, so the same root passes.
    assertThat(c.verify(0, new InclusionProof(0, 7, proof.path())))
        .isEqualTo(VerificationResult.VALID);
    // Sizes that change the shape are rejected.
    assertThat(c.verify(0, new InclusionProof(0, 4, proof.path())))
        .isEqualTo(VerificationResult.WRONG_PATH_LENGTH);
    assertThat(c.verify(0, new InclusionProof(0, 13, proof.path())))
        .isEqualTo(VerificationResult.WRONG_PATH_LENGTH);
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void pathsWithAHashTooManyOrTooFewAreRejectedAsWrongPathLength(int n) {
    Case c = new Case(n);
    MerkleHash zero = MerkleHash.of(new byte[MerkleHash.LENGTH]);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<MerkleHash> path = c.tree.inclusionProof(i).path();
      List<List<MerkleHash>> variants = new ArrayList<>();
      variants.add(append(path, c.tree.root()));
      variants.add(append(path, zero));
      variants.add(prepend(c.tree.leafHash(i), path));
      variants.add(prepend(zero, path));
      if (!path.isEmpty()) {
        variants.add(path.subList(0, path.size() - 1));
        variants.add(path.subList(1, path.size()));
        variants.add(List.of());
      }
      for (List<MerkleHash> variant : variants) {
        VerificationResult result = c.verify(i, new InclusionProof(i, n, variant));
        if (result != VerificationResult.WRONG_PATH_LENGTH) {
          wrong.add("leaf " + i + " path of " + variant.size() + ": " + result);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 5, 8, 13, 17})
  void everySingleBitFlipInTheEncodedProofIsRejectedUnlessItOnlyChangesTheSizeUndetectably(
      int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] encoded = MerkleProofCodec.encode(c.tree.inclusionProof(i));
      for (int bit = 0; bit < Tamper.bitsIn(encoded); bit++) {
        InclusionProof decoded;
        try {
          decoded = MerkleProofCodec.decodeInclusionProof(Tamper.flipBit(encoded, bit));
        } catch (MalformedProofException e) {
          continue;
        }
        if (c.verify(i, decoded).isValid() && !onlyTheSizeChangedAndTheRfcAccepts(c, i, decoded)) {
          accepted.add("leaf " + i + " encoded bit " + bit);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  private static boolean onlyTheSizeChangedAndTheRfcAccepts(
      Case c, int index, InclusionProof decoded) {
    InclusionProof original = c.tree.inclusionProof(index);
    return decoded.leafIndex() == original.leafIndex()
        && decoded.path().equals(original.path())
        && RfcReference.inclusionHolds(
            c.tree.leafHash(index).toByteArray(),
            index,
            decoded.treeSize(),
            Hex.bytesOf(decoded.path()),
            c.tree.root().toByteArray());
  }

  private static List<MerkleHash> append(List<MerkleHash> path, MerkleHash hash) {
    List<MerkleHash> result = new ArrayList<>(path);
    result.add(hash);
    return result;
  }

  private static List<MerkleHash> prepend(MerkleHash hash, List<MerkleHash> path) {
    List<MerkleHash> result = new ArrayList<>();
    result.add(hash);
    result.addAll(path);
    return result;
  }
}
