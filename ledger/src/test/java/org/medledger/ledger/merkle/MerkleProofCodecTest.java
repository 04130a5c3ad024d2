package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofCodecTest {
  private static final MerkleTree TREE = MerkleTree.ofLeaves(RfcReference.leaves(7));

  @Test
  void anInclusionProofIsTagIndexSizeCountAndHashes() {
    InclusionProof proof = TREE.inclusionProof(4);
    byte[] encoded = MerkleProofCodec.encode(proof);

    assertThat(Hex.of(Arrays.copyOf(encoded, 18)))
        .isEqualTo("01" + "0000000000000004" + "0000000000000007" + "03");
    assertThat(encoded).hasSize(18 + 3 * 32);
    assertThat(Hex.of(Arrays.copyOfRange(encoded, 18, 50))).isEqualTo(proof.path().get(0).toHex());
  }

  @Test
  void aConsistencyProofIsTagSizesCountAndHashes() {
    ConsistencyProof proof = TREE.consistencyProof(3);
    byte[] encoded = MerkleProofCodec.encode(proof);

    assertThat(Hex.of(Arrays.copyOf(encoded, 18)))
        .isEqualTo("02" + "0000000000000003" + "0000000000000007" + "04");
    assertThat(encoded).hasSize(18 + 4 * 32);
  }

  @Test
  void proofsSurviveARoundTrip() throws MalformedProofException {
    for (int i = 0; i < 7; i++) {
      InclusionProof inclusion = TREE.inclusionProof(i);
      ConsistencyProof consistency = TREE.consistencyProof(i);
      assertThat(MerkleProofCodec.decodeInclusionProof(MerkleProofCodec.encode(inclusion)))
          .isEqualTo(inclusion);
      assertThat(MerkleProofCodec.decodeConsistencyProof(MerkleProofCodec.encode(consistency)))
          .isEqualTo(consistency);
    }
  }

  @Test
  void nothingAndTooLittleAreNotAProof() {
    assertMalformed(null);
    assertMalformed(new byte[0]);
    assertMalformed(new byte[] {1});
    assertMalformed(Arrays.copyOf(MerkleProofCodec.encode(TREE.inclusionProof(0)), 17));
  }

  @Test
  void oneKindOfProofIsNotTheOther() {
    byte[] inclusion = MerkleProofCodec.encode(TREE.inclusionProof(0));
    byte[] consistency = MerkleProofCodec.encode(TREE.consistencyProof(2));

    assertThatThrownBy(() -> MerkleProofCodec.decodeConsistencyProof(inclusion))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("tag");
    assertThatThrownBy(() -> MerkleProofCodec.decodeInclusionProof(consistency))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("tag");
  }

  @Test
  void numbersOf2To63OrMoreAreRefused() {
    byte[] encoded = MerkleProofCodec.encode(TREE.inclusionProof(0));
    byte[] hugeIndex = encoded.clone();
    hugeIndex[1] = (byte) 0x80;
    byte[] hugeSize = encoded.clone();
    hugeSize[9] = (byte) 0x80;

    assertMalformed(hugeIndex);
    assertMalformed(hugeSize);
  }

  @Test
  void aPathLongerThan64HashesIsRefusedBeforeItsLengthIsChecked() {
    byte[] encoded = new byte[18 + 65 * 32];
    encoded[0] = MerkleProofCodec.INCLUSION_PROOF_TAG;
    encoded[17] = 65;

    assertThatThrownBy(() -> MerkleProofCodec.decodeInclusionProof(encoded))
        .isInstanceOf(MalformedProofException.class)
        .hasMessageContaining("at most 64");
  }

  @Test
  void truncatedOrTrailingBytesAreRefused() {
    byte[] encoded = MerkleProofCodec.encode(TREE.consistencyProof(3));

    assertMalformedConsistency(Arrays.copyOf(encoded, encoded.length - 1));
    assertMalformedConsistency(Arrays.copyOf(encoded, encoded.length + 1));
    assertMalformedConsistency(Arrays.copyOf(encoded, encoded.length - 32));
  }

  @Test
  void theLongestPathsEncodeAndDecode() throws MalformedProofException {
    List<MerkleHash> longest = Collections.nCopies(64, TREE.root());
    InclusionProof proof = new InclusionProof(Long.MAX_VALUE - 1, Long.MAX_VALUE, longest);

    assertThat(MerkleProofCodec.decodeInclusionProof(MerkleProofCodec.encode(proof)))
        .isEqualTo(proof);
  }

  private static void assertMalformed(byte[] bytes) {
    assertThatThrownBy(() -> MerkleProofCodec.decodeInclusionProof(bytes))
        .isInstanceOf(MalformedProofException.class);
    assertThatThrownBy(() -> MerkleProofCodec.decodeConsistencyProof(bytes))
        .isInstanceOf(MalformedProofException.class);
  }

  private static void assertMalformedConsistency(byte[] bytes) {
    assertThatThrownBy(() -> MerkleProofCodec.decodeConsistencyProof(bytes))
        .isInstanceOf(MalformedProofException.class);
  }
}
