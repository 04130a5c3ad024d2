package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MerkleHashTest {
  private static final String HEX =
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";

  @Test
  void aHashHasExactly32Bytes() {
    assertThatThrownBy(() -> MerkleHash.of(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleHash.of(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleHash.fromHex(HEX.substring(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleHash.fromHex(HEX.replace('e', 'g')))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hexRoundTripsAndUpperCaseIsAccepted() {
    MerkleHash hash = MerkleHash.fromHex(HEX.toUpperCase());

    assertThat(hash.toHex()).isEqualTo(HEX);
    assertThat(hash).hasToString(HEX);
    assertThat(MerkleHash.fromHex(HEX)).isEqualTo(hash).hasSameHashCodeAs(hash);
  }

  @Test
  void neitherTheInputArrayNorTheOutputArrayAliasesTheHash() {
    byte[] bytes = Hex.parse(HEX);
    MerkleHash hash = MerkleHash.of(bytes);

    bytes[0] ^= 1;
    hash.toByteArray()[1] ^= 1;

    assertThat(hash.toHex()).isEqualTo(HEX);
  }

  @Test
  void hashesWithDifferentBytesDiffer() {
    MerkleHash hash = MerkleHash.fromHex(HEX);

    assertThat(hash).isNotEqualTo(Tamper.flipBit(hash, 255)).isNotEqualTo(HEX);
  }

  @Test
  void leafAndNodeHashesAreDomainSeparated() {
    MerkleHash left = MerkleHash.ofLeaf(new byte[] {1});
    MerkleHash right = MerkleHash.ofLeaf(new byte[] {2});
    byte[] concatenated = new byte[64];
    System.arraycopy(left.toByteArray(), 0, concatenated, 0, 32);
    System.arraycopy(right.toByteArray(), 0, concatenated, 32, 32);

    assertThat(MerkleHash.ofChildren(left, right)).isNotEqualTo(MerkleHash.ofLeaf(concatenated));
    assertThat(MerkleHash.ofChildren(left, right).toByteArray())
        .isEqualTo(RfcReference.nodeHash(left.toByteArray(), right.toByteArray()));
  }
}
