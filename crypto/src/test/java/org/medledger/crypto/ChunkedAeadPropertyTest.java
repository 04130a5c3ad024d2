package org.medledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChunkedAeadPropertyTest {
  private static final int CHUNK = ChunkedAesGcm.CHUNK_LENGTH;

  private final Aead aead = AeadScheme.AES_256_GCM_CHUNKED.aead(AeadScheme.AES_256_GCM_CHUNKED.generateKey());

  @Property(tries = 200)
  void decryptionInvertsEncryption(
      @ForAll("plaintexts") byte[] plaintext, @ForAll @Size(max = 300) byte[] associatedData) {
    byte[] ciphertext = aead.encrypt(plaintext, associatedData);

    assertThat(aead.decrypt(ciphertext, associatedData)).isEqualTo(plaintext);
  }

  @Property(tries = 300)
  void anySingleBitFlipIsDetected(
      @ForAll("plaintexts") byte[] plaintext,
      @ForAll @Size(max = 64) byte[] associatedData,
      @ForAll @IntRange(min = 0) int position) {
    byte[] ciphertext = aead.encrypt(plaintext, associatedData);
    int bit = position % (ciphertext.length * 8);
    ciphertext[bit / 8] ^= (byte) (1 << (bit % 8));

    assertThatThrownBy(() -> aead.decrypt(ciphertext, associatedData))
        .isInstanceOf(DecryptionFailedException.class);
  }

  /** Lengths spread evenly up to 200 KiB (past several chunk boundaries), content from a seed. */
  @Provide
  Arbitrary<byte[]> plaintexts() {
    Arbitrary<Integer> lengths =
        Arbitraries.integers()
            .between(0, 200 * 1024)
            .withDistribution(RandomDistribution.uniform())
            .edgeCases(edges -> edges.add(CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 1));
    return Combinators.combine(lengths, Arbitraries.longs()).as(ChunkedAeadTest::bytes);
  }
}
