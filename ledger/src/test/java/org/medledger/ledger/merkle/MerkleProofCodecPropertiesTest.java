package org.medledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the binary codec over generated proofs and over arbitrary bytes. */
class MerkleProofCodecPropertiesTest {
  private static final int HEADER = 18;

  @Property(tries = 1_000)
  void everyInclusionProofSurvivesARoundTrip(@ForAll("inclusionProofs") InclusionProof proof)
      throws MalformedProofException {
    assertThat(MerkleProofCodec.decodeInclusionProof(MerkleProofCodec.encode(proof)))
        .isEqualTo(proof);
  }

  @Property(tries = 1_000)
  void everyConsistencyProofSurvivesARoundTrip(
      @ForAll("consistencyProofs") ConsistencyProof proof) throws MalformedProofException {
    assertThat(MerkleProofCodec.decodeConsistencyProof(MerkleProofCodec.encode(proof)))
        .isEqualTo(proof);
  }

  /**
   * Decoding any bytes at all returns a proof or throws {@link MalformedProofException}; anything
   * else thrown fails the property. A returned proof re-encodes to exactly the input bytes, so no
   * proof has two encodings. The coverage check makes sure the inputs reach every outcome.
   */
  @Property(tries = 100_000)
  void decodingArbitraryBytesYieldsAProofOrMalformedProofExceptionOnly(
      @ForAll("fuzzedEncodings") byte[] bytes) {
    String outcome;
    try {
      InclusionProof proof = MerkleProofCodec.decodeInclusionProof(bytes);
      assertThat(MerkleProofCodec.encode(proof)).isEqualTo(bytes);
      outcome = "decoded";
    } catch (MalformedProofException expected) {
      outcome = category(expected);
    }
    try {
      ConsistencyProof proof = MerkleProofCodec.decodeConsistencyProof(bytes);
      assertThat(MerkleProofCodec.encode(proof)).isEqualTo(bytes);
      outcome = "decoded";
    } catch (MalformedProofException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
    Statistics.collect(outcome);
    Statistics.coverage(checker -> {
      for (String category : List.of("decoded", "too short", "tag", "2^63", "count", "length")) {
        checker.check(category).percentage(p -> p > 1);
      }
    });
  }

  private static String category(MalformedProofException e) {
    String message = e.getMessage();
    if (message.startsWith("a proof has at least")) {
      return "too short";
    } else if (message.startsWith("expected tag")) {
      return "tag";
    } else if (message.contains("2^63")) {
      return "2^63";
    } else if (message.contains("at most")) {
      return "count";
    } else if (message.contains("bytes, got")) {
      return "length";
    }
    return message;
  }

  /** Whatever decodes is also verified without any exception. */
  @Property(tries = 5_000)
  void verifyingWhateverDecodesNeverThrows(@ForAll("fuzzedEncodings") byte[] bytes) {
    MerkleHash root = MerkleHash.emptyTreeRoot();
    try {
      InclusionProof proof = MerkleProofCodec.decodeInclusionProof(bytes);
      assertThat(MerkleVerifier.verifyInclusion(root, proof, root)).isNotNull();
    } catch (MalformedProofException expected) {
      // the decoder's one way to say no
    }
    try {
      ConsistencyProof proof = MerkleProofCodec.decodeConsistencyProof(bytes);
      assertThat(MerkleVerifier.verifyConsistency(proof, root, root)).isNotNull();
    } catch (MalformedProofException expected) {
      // the decoder's one way to say no
    }
  }

  @Provide
  Arbitrary<InclusionProof> inclusionProofs() {
    return Combinators.combine(sizes(), sizes(), paths(InclusionProof.MAX_PATH_LENGTH))
        .as(InclusionProof::new);
  }

  @Provide
  Arbitrary<ConsistencyProof> consistencyProofs() {
    return Combinators.combine(sizes(), sizes(), paths(ConsistencyProof.MAX_PATH_LENGTH))
        .as(ConsistencyProof::new);
  }

  /**
   * Arbitrary bytes, most of them shaped to get past the decoder's early checks: {@link #shape}
   * turns a random seed into raw bytes, or into a header with a proof tag followed by a body whose
   * length is exactly, nearly or not at all what the header's count calls for.
   */
  @Provide
  Arbitrary<byte[]> fuzzedEncodings() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(32)
        .map(MerkleProofCodecPropertiesTest::shape);
  }

  /**
   * Seeds shorter than 6 bytes stay as they are. Longer seeds give a header from their first 18
   * bytes (zero-padded) and, by {@code seed[0] % 4}: 0, the raw header and a body of {@code
   * seed[1]} bytes; 1, a proof tag, any count and a body 2 bytes short of or over what the count
   * calls for; 2, a valid encoding (tag, numbers below 2^63, count at most 64, exact length); 3, a
   * proof tag, a count of at most 64 and a body of {@code 8 * seed[1]} bytes. In modes 1 and 3 the
   * numbers keep their top bit when {@code seed[2]} is odd.
   */
  static byte[] shape(byte[] seed) {
    if (seed.length < 6) {
      return seed;
    }
    int mode = Math.floorMod(seed[0], 4);
    byte[] header = Arrays.copyOf(seed, HEADER);
    if (mode != 0) {
      header[0] = (byte) (1 + (seed[1] & 1));
      if (mode == 2 || seed[2] % 2 == 0) {
        header[1] &= 0x7f;
        header[9] &= 0x7f;
      }
      if (mode != 1) {
        header[17] = (byte) ((header[17] & 0xff) % (InclusionProof.MAX_PATH_LENGTH + 1));
      }
    }
    int count = header[17] & 0xff;
    int bodyLength;
    switch (mode) {
      case 0:
        bodyLength = seed[1] & 0xff;
        break;
      case 1:
        bodyLength = Math.max(0, count * MerkleHash.LENGTH + (seed[3] % 2 == 0 ? -2 : 2));
        break;
      case 2:
        bodyLength = count * MerkleHash.LENGTH;
        break;
      default:
        bodyLength = 8 * (seed[1] & 0xff);
        break;
    }
    byte[] encoded = Arrays.copyOf(header, HEADER + bodyLength);
    for (int i = HEADER; i < encoded.length; i++) {
      encoded[i] = seed[i % seed.length];
    }
    return encoded;
  }

  private static Arbitrary<Long> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1 << 20),
        Arbitraries.longs().between(0, Long.MAX_VALUE));
  }

  private static Arbitrary<List<MerkleHash>> paths(int maxLength) {
    Arbitrary<MerkleHash> hash = Arbitraries.randomValue(random -> {
      byte[] bytes = new byte[MerkleHash.LENGTH];
      random.nextBytes(bytes);
      return MerkleHash.of(bytes);
    });
    return hash.list().ofMaxSize(maxLength);
  }
}
