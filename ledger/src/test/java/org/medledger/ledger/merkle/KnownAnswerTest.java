package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hard-coded vectors. Those marked "openssl" were recomputed by hand in a shell, e.g.
 *
 * <pre>
 * printf '\x00' | openssl dgst -sha256                      # leaf hash of ""
 * printf '\x00' | openssl dgst -sha256 -binary &gt; l0
 * printf '\x00\x00' | openssl dgst -sha256 -binary &gt; l1
 * (printf '\x01'; cat l0 l1) | openssl dgst -sha256         # root of the leaves "" and 0x00
 * </pre>
 *
 * <p>The eight "CT" leaves with their roots and proofs are the test data of Certificate
 * Transparency (certificate-transparency-go and transparency-dev/merkle, testonly/constants.go and
 * proof/verify_test.go); the larger roots over 2-byte little-endian leaves are the golden values
 * of transparency-dev/merkle compact/range_test.go (TestGetRootHashGolden). The "naive" vectors
 * over the leaves {@code "leaf i"} were computed once with {@link RfcReference}; their 3-leaf
 * root was recomputed with openssl.
 */
class KnownAnswerTest {
  private static final List<byte[]> CT_LEAVES =
      hexes(
          "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static final String[] CT_ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };

  @Test
  void emptyTreeRootIsSha256OfTheEmptyString() {
    // openssl: printf '' | openssl dgst -sha256
    String expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertThat(MerkleHash.emptyTreeRoot().toHex()).isEqualTo(expected);
    assertThat(MerkleTree.ofLeaves(List.of()).root().toHex()).isEqualTo(expected);
  }

  @Test
  void leafHashOfTheEmptyLeafIsSha256OfASingleZeroByte() {
    // openssl: printf '\x00' | openssl dgst -sha256
    assertThat(MerkleHash.ofLeaf(new byte[0]).toHex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void rootOfTheTwoLeavesEmptyAndZeroByteMatchesOpenssl() {
    // openssl: (printf '\x01'; cat l0 l1) | openssl dgst -sha256, with l0, l1 the leaf hashes
    MerkleTree tree = MerkleTree.ofLeaves(List.of(new byte[0], new byte[] {0}));
    assertThat(tree.root().toHex())
        .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
  }

  @Test
  void nodeHashOfTwoLeafHashesIsTheTwoLeafRoot() {
    MerkleHash left = MerkleHash.ofLeaf(new byte[0]);
    MerkleHash right = MerkleHash.ofLeaf(new byte[] {0});
    assertThat(MerkleHash.ofChildren(left, right).toHex())
        .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
  }

  @Test
  void rootsOfTheCertificateTransparencyTestTreesOfZeroToEightLeaves() {
    MerkleTree tree = MerkleTree.ofLeaves(CT_LEAVES);
    for (int n = 0; n <= 8; n++) {
      assertThat(tree.rootAt(n).toHex()).as("%d leaves", n).isEqualTo(CT_ROOTS[n]);
      assertThat(MerkleTree.ofLeaves(CT_LEAVES.subList(0, n)).root().toHex())
          .isEqualTo(CT_ROOTS[n]);
    }
  }

  @ParameterizedTest(name = "leaf {0} of {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | 1 | ''",
        "0 | 8 | 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"
            + " 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
            + " 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "5 | 8 | bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"
            + " ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
            + " d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "2 | 3 | fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "1 | 5 | 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
            + " 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
            + " bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      })
  void inclusionProofsOfTheCertificateTransparencyTestTree(int index, int size, String path) {
    MerkleTree tree = MerkleTree.ofLeaves(CT_LEAVES);
    InclusionProof proof = tree.inclusionProof(index, size);

    assertThat(Hex.ofHashes(proof.path())).isEqualTo(words(path));
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(
            CT_LEAVES.get(index), proof, MerkleHash.fromHex(CT_ROOTS[size])))
        .isEqualTo(VerificationResult.VALID);
  }

  @ParameterizedTest(name = "{0} leaves to {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | 1 | ''",
        "1 | 8 | 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"
            + " 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
            + " 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "6 | 8 | 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"
            + " ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"
            + " d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "2 | 5 | 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"
            + " bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      })
  void consistencyProofsOfTheCertificateTransparencyTestTree(
      int oldSize, int newSize, String path) {
    MerkleTree tree = MerkleTree.ofLeaves(CT_LEAVES);
    ConsistencyProof proof = tree.consistencyProof(oldSize, newSize);

    assertThat(Hex.ofHashes(proof.path())).isEqualTo(words(path));
    assertThat(MerkleVerifier.verifyConsistency(
            proof, MerkleHash.fromHex(CT_ROOTS[oldSize]), MerkleHash.fromHex(CT_ROOTS[newSize])))
        .isEqualTo(VerificationResult.VALID);
  }

  @ParameterizedTest(name = "{0} leaves")
  @CsvSource({
    "10, VjWMPSYNtCuCNlF/RLnQy6HcwSk6CIipfxm+hettA+4=",
    "15, j4SulYmocFuxdeyp12xXCIgK6PekBcxzAIj4zbQzNEI=",
    "16, c+4Uc6BCMOZf/v3NZK1kqTUJe+bBoFtOhP+P3SayKRE=",
    "100, dUh9hYH88p0CMoHkdr1wC2szbhcLAXOejWpINIooKUY=",
    "255, SmdsuKUqiod3RX2jyF2M6JnbdE4QuTwwipfAowI4/i0=",
    "256, qFI0t/tZ1MdOYgyPpPzHFiZVw86koScXy9q3FU5casA=",
    "1000, RXrgb8xHd55Y48FbfotJwCbV82Kx22LZfEbmBGAvwlQ=",
    "4095, cWRFdQhPcjn9WyBXE/r1f04ejxIm5lvg40DEpRBVS0w=",
    "4096, 6uU/phfHg1n/GksYT6TO9aN8EauMCCJRl3dIK0HDs2M=",
    "10000, VZcav65F9haHVRk3wre2axFoBXRNeUh/1d9d5FQfxIg=",
    "65535, iPuVYJhP6SEE4gUFp8qbafd2rYv9YTCDYqAxCj8HdLM=",
  })
  void rootsOfLargerTreesMatchTheTransparencyDevGoldenValues(int size, String base64Root) {
    List<byte[]> leaves = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      leaves.add(new byte[] {(byte) i, (byte) (i >>> 8)});
    }
    MerkleHash expected = MerkleHash.of(Base64.getDecoder().decode(base64Root));

    assertThat(MerkleTree.ofLeaves(leaves).root()).isEqualTo(expected);
  }

  @Test
  void rootOfThreeNaiveTestLeavesMatchesOpenssl() {
    // openssl: node(node(leaf("leaf 0"), leaf("leaf 1")), leaf("leaf 2")), as in the class comment
    assertThat(MerkleTree.ofLeaves(RfcReference.leaves(3)).root().toHex())
        .isEqualTo("d4f92c8fbb89720eb3b55677c7d7efaddfeb10d11a1a84a0ba8f1a23337faa95");
  }

  @Test
  void naiveVectorsForSeventyLeaves() {
    MerkleTree tree = MerkleTree.ofLeaves(RfcReference.leaves(70));

    assertThat(tree.root().toHex())
        .isEqualTo("49e2474a6b0428b754c646811dbed945a5e1badfa4906e42f46af6731afe28cc");
    assertThat(tree.rootAt(33).toHex())
        .isEqualTo("d08a037925be669415c502f28ce5bb55cd60de69578d7592739bf5759fb1f90a");
    assertThat(Hex.ofHashes(tree.inclusionProof(37).path()))
        .containsExactly(
            "b34889394564290c00c6cc7d5043d5e3c2199484c301c1182af346758ddf11b4",
            "3859110b621ad9bbcc94faecba692aaf8e5acb7db15d1aa41a6aa4e2698a2069",
            "5be77b8ca4dbee84c59ad0bccb17d56c733750d0a6d1b780de3d8e969dd03162",
            "20543b8da96c920043be4aa8a1a707dfa0724436760fba563c344e2fdc30a885",
            "9c494a6f5b1ef22d42f0509f45936b8a5c05e8ea06bef8b42324f15fd52c97d6",
            "9a5b5a2a29571cad3d81555f34bf3256fda56279691cdec34f57c8f484acb3fa",
            "7670dd9d57152342c821f026c07036aef07678b00c5569334c88a47bed6eadf8");
    assertThat(Hex.ofHashes(tree.consistencyProof(23).path()))
        .containsExactly(
            "7ccceadd44e9432305bc8a4fcb16628c0e5ca0e3489656377e76aba1f65188d5",
            "65e64c619003ff1c27c6be14ffe0f26640966bf2c0e8b88646804bdec895891a",
            "c4c02624e8ec585cf83eddcba5d0ffd87c534cc2cffe62d03792c31d0776633a",
            "aff437423f22373bf5bb35d670c3f824f6dce8ee9da6d23b222b6f2ef01413e4",
            "94ec4fe44dc849c98654e344c52cc07d02b0dd374838de48191db79cf68ff5ed",
            "714a29298ca7d8643975100569499c2309e83a6f2f970902dc46ef32ebc1b00f",
            "91aea861490a4db1c47a565c05829371aeb2f7bb8655d7b3eb17aae18b6fdce1",
            "7670dd9d57152342c821f026c07036aef07678b00c5569334c88a47bed6eadf8");
    assertThat(Hex.ofHashes(tree.consistencyProof(33).path()))
        .containsExactly(
            "eb8da008825f09ce9bea86e19ebb9a56c88855280633756c2ed893632445403b",
            "86c2a2df209cf90093c72b86b53888e65e8f0a80cbb7e1bf43a83dff5549d085",
            "4403afea63f29821dbba50eb397687a0d8fa9b69bccaae920bf31c26fe5e4e82",
            "458070fa54be26848fbd34bb1259ba35dd6b915f3f95bcd77b1b8f355418101d",
            "20543b8da96c920043be4aa8a1a707dfa0724436760fba563c344e2fdc30a885",
            "9c494a6f5b1ef22d42f0509f45936b8a5c05e8ea06bef8b42324f15fd52c97d6",
            "9a5b5a2a29571cad3d81555f34bf3256fda56279691cdec34f57c8f484acb3fa",
            "7670dd9d57152342c821f026c07036aef07678b00c5569334c88a47bed6eadf8");
  }

  private static List<byte[]> hexes(String... hex) {
    List<byte[]> result = new ArrayList<>();
    for (String h : hex) {
      result.add(HexFormat.of().parseHex(h));
    }
    return result;
  }

  private static List<String> words(String spaceSeparated) {
    String trimmed = spaceSeparated.trim();
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split(" +"));
  }
}
