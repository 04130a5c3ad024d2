package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every single-bit change to a consistency proof and its two roots, for every old size of trees of
 * several sizes (1, odd sizes, powers of two and their neighbours). Failures are collected per tree
 * so that one report lists them all.
 */
class ConsistencyProofTamperingTest {
  private static final int HASH_BITS = MerkleHash.LENGTH * 8;
  private static final Set<VerificationResult> MISMATCHES = EnumSet.of(
      VerificationResult.ROOT_MISMATCH,
      VerificationResult.OLD_ROOT_MISMATCH,
      VerificationResult.NEW_ROOT_MISMATCH);

  private static final class Case {
    final MerkleTree tree;
    final int n;

    Case(int n) {
      this.n = n;
      tree = MerkleTree.ofLeaves(RfcReference.leaves(n));
    }

    VerificationResult verify(ConsistencyProof proof, int oldSize) {
      return MerkleVerifier.verifyConsistency(proof, tree.rootAt(oldSize), tree.root());
    }
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInAPathHashIsRejectedAsARootMismatch(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int m = 0; m <= n; m++) {
      ConsistencyProof proof = c.tree.consistencyProof(m);
      for (int element = 0; element < proof.path().size(); element++) {
        for (int bit = 0; bit < HASH_BITS; bit++) {
          ConsistencyProof tampered =
              new ConsistencyProof(m, n, Tamper.flipBit(proof.path(), element, bit));
          VerificationResult result = c.verify(tampered, m);
          if (!MISMATCHES.contains(result)) {
            accepted.add("old size " + m + " element " + element + " bit " + bit + ": " + result);
          }
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInTheOldRootIsRejectedAsARootMismatch(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int m = 0; m <= n; m++) {
      ConsistencyProof proof = c.tree.consistencyProof(m);
      for (int bit = 0; bit < HASH_BITS; bit++) {
        VerificationResult result = MerkleVerifier.verifyConsistency(
            proof, Tamper.flipBit(c.tree.rootAt(m), bit), c.tree.root());
        if (!MISMATCHES.contains(result)) {
          accepted.add("old size " + m + " old root bit " + bit + ": " + result);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  /** Old size 0 is left out: the empty tree is a prefix of every tree, whatever its root. */
  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void everySingleBitFlipInTheNewRootIsRejectedAsARootMismatch(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      ConsistencyProof proof = c.tree.consistencyProof(m);
      for (int bit = 0; bit < HASH_BITS; bit++) {
        VerificationResult result = MerkleVerifier.verifyConsistency(
            proof, c.tree.rootAt(m), Tamper.flipBit(c.tree.root(), bit));
        if (!MISMATCHES.contains(result)) {
          accepted.add("old size " + m + " new root bit " + bit + ": " + result);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @Test
  void theEmptyTreeIsConsistentWithEveryTreeButOnlyWithTheEmptyRoot() {
    Case c = new Case(5);
    ConsistencyProof fromEmpty = c.tree.consistencyProof(0);
    MerkleHash anyRoot = MerkleHash.ofLeaf(new byte[] {42});

    assertThat(fromEmpty.path()).isEmpty();
    assertThat(MerkleVerifier.verifyConsistency(fromEmpty, MerkleHash.emptyTreeRoot(), anyRoot))
        .isEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyConsistency(fromEmpty, anyRoot, c.tree.root()))
        .isEqualTo(VerificationResult.OLD_ROOT_MISMATCH);
  }

  /**
   * A proof does not authenticate the tree sizes (the signed tree heads do): where the RFC
   * definitions give the same computation for the flipped size, the verifier must accept, and
   * everywhere else it must reject. The verifier agrees with the definitional reference on every
   * flip of either size.
   */
  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void aSingleBitFlipInEitherSizeIsAcceptedExactlyWhenTheRfcDefinitionsAcceptIt(int n) {
    Case c = new Case(n);
    List<String> disagreements = new ArrayList<>();
    for (int m = 0; m <= n; m++) {
      ConsistencyProof proof = c.tree.consistencyProof(m);
      byte[] oldRoot = c.tree.rootAt(m).toByteArray();
      byte[] newRoot = c.tree.root().toByteArray();
      List<byte[]> path = Hex.bytesOf(proof.path());
      for (int bit = 0; bit < 63; bit++) {
        long oldSize = m ^ (1L << bit);
        long newSize = n ^ (1L << bit);
        VerificationResult oldFlipped = c.verify(new ConsistencyProof(oldSize, n, proof.path()), m);
        VerificationResult newFlipped = c.verify(new ConsistencyProof(m, newSize, proof.path()), m);
        boolean oldHolds = RfcReference.consistencyHolds(oldSize, n, path, oldRoot, newRoot);
        boolean newHolds = RfcReference.consistencyHolds(m, newSize, path, oldRoot, newRoot);
        if (oldFlipped.isValid() != oldHolds) {
          disagreements.add(m + "->" + n + " old size " + oldSize + ": " + oldFlipped);
        }
        if (newFlipped.isValid() != newHolds) {
          disagreements.add(m + "->" + n + " new size " + newSize + ": " + newFlipped);
        }
      }
      long oldSize = m;
      assertThatThrownBy(() -> new ConsistencyProof(oldSize ^ Long.MIN_VALUE, n, proof.path()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new ConsistencyProof(oldSize, n ^ Long.MIN_VALUE, proof.path()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(disagreements).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void aSingleBitFlipInTheOldSizeIsRejectedWheneverTheOldTreeIsNotEmpty(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      ConsistencyProof proof = c.tree.consistencyProof(m);
      for (int bit = 0; bit < 63; bit++) {
        long oldSize = m ^ (1L << bit);
        if (c.verify(new ConsistencyProof(oldSize, n, proof.path()), m).isValid()) {
          accepted.add(m + "->" + n + " old size " + oldSize);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 16, 17})
  void pathsWithAHashTooManyOrTooFewAreRejectedAsWrongPathLength(int n) {
    Case c = new Case(n);
    MerkleHash zero = MerkleHash.of(new byte[MerkleHash.LENGTH]);
    List<String> wrong = new ArrayList<>();
    for (int m = 0; m <= n; m++) {
      List<MerkleHash> path = c.tree.consistencyProof(m).path();
      List<List<MerkleHash>> variants = new ArrayList<>();
      variants.add(append(path, c.tree.root()));
      variants.add(append(path, zero));
      variants.add(prepend(c.tree.rootAt(m), path));
      if (!path.isEmpty()) {
        variants.add(path.subList(0, path.size() - 1));
        variants.add(path.subList(1, path.size()));
        variants.add(List.of());
      }
      for (List<MerkleHash> variant : variants) {
        VerificationResult result = c.verify(new ConsistencyProof(m, n, variant), m);
        if (result != VerificationResult.WRONG_PATH_LENGTH) {
          wrong.add(m + "->" + n + " path of " + variant.size() + ": " + result);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "tree of {0} leaves")
  @ValueSource(ints = {1, 2, 3, 5, 8, 13, 17})
  void everySingleBitFlipInTheEncodedProofIsRejectedUnlessItOnlyChangesASizeUndetectably(int n) {
    Case c = new Case(n);
    List<String> accepted = new ArrayList<>();
    for (int m = 0; m <= n; m++) {
      ConsistencyProof original = c.tree.consistencyProof(m);
      byte[] encoded = MerkleProofCodec.encode(original);
      for (int bit = 0; bit < Tamper.bitsIn(encoded); bit++) {
        ConsistencyProof decoded;
        try {
          decoded = MerkleProofCodec.decodeConsistencyProof(Tamper.flipBit(encoded, bit));
        } catch (MalformedProofException e) {
          continue;
        }
        boolean onlyASizeChangedAndTheRfcAccepts = decoded.path().equals(original.path())
            && RfcReference.consistencyHolds(
                decoded.oldSize(),
                decoded.newSize(),
                Hex.bytesOf(decoded.path()),
                c.tree.rootAt(m).toByteArray(),
                c.tree.root().toByteArray());
        if (c.verify(decoded, m).isValid() && !onlyASizeChangedAndTheRfcAccepts) {
          accepted.add(m + "->" + n + " encoded bit " + bit);
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @Test
  void equalSizesNeedEqualRootsAndAnEmptyPath() {
    Case c = new Case(6);
    ConsistencyProof same = c.tree.consistencyProof(6);

    assertThat(same.path()).isEmpty();
    assertThat(MerkleVerifier.verifyConsistency(same, c.tree.root(), c.tree.root()))
        .isEqualTo(VerificationResult.VALID);
    assertThat(MerkleVerifier.verifyConsistency(same, c.tree.rootAt(5), c.tree.root()))
        .isEqualTo(VerificationResult.ROOT_MISMATCH);
    assertThat(MerkleVerifier.verifyConsistency(
            new ConsistencyProof(6, 6, List.of(c.tree.root())), c.tree.root(), c.tree.root()))
        .isEqualTo(VerificationResult.WRONG_PATH_LENGTH);
  }

  @Test
  void anOldSizeAboveTheNewSizeIsRejected() {
    Case c = new Case(6);
    ConsistencyProof backwards =
        new ConsistencyProof(6, 3, c.tree.consistencyProof(3, 6).path());

    assertThat(MerkleVerifier.verifyConsistency(backwards, c.tree.root(), c.tree.rootAt(3)))
        .isEqualTo(VerificationResult.SIZES_OUT_OF_ORDER);
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
