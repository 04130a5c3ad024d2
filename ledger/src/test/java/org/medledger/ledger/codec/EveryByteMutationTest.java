package org.medledger.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medledger.ledger.codec.LedgerArbitraries.Kind;

/**
 * Exhaustively: every byte of the sample encodings replaced by every other value (a block: by
 * eight values) is rejected or is the canonical encoding of another value — never an exception
 * of another kind, never a value that encodes differently.
 */
class EveryByteMutationTest {

  private static int[] mutate(Kind kind, byte[] valid, int[] xors) {
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < valid.length; i++) {
      for (int xor : xors) {
        byte[] mutated = valid.clone();
        mutated[i] ^= (byte) xor;
        try {
          assertThat(kind.roundTrip(mutated)).as("%s with byte %d ^ %d", kind, i, xor).isEqualTo(mutated);
          decoded++;
        } catch (MalformedEncodingException expected) {
          rejected++;
        }
      }
    }
    return new int[] {decoded, rejected};
  }

  private static int[] allXors() {
    int[] xors = new int[255];
    for (int i = 0; i < 255; i++) {
      xors[i] = i + 1;
    }
    return xors;
  }

  @Test
  void everySingleByteChangeOfATransaction() {
    int[] outcome = mutate(Kind.TRANSACTION, CodecSamples.transaction().encoded(), allXors());
    assertThat(outcome[0]).isPositive(); // payload, nonce, fingerprint and signature bytes are free
    assertThat(outcome[1]).isPositive();
  }

  @Test
  void everySingleByteChangeOfAResult() {
    int[] outcome = mutate(Kind.RESULT, LedgerCodec.encode(CodecSamples.okResultWithEvents()), allXors());
    assertThat(outcome[1]).isPositive();
  }

  @Test
  void everySingleByteChangeOfAHeader() {
    int[] outcome = mutate(Kind.HEADER, LedgerCodec.encode(CodecSamples.header()), allXors());
    assertThat(outcome[1]).isPositive();
  }

  @Test
  void manySingleByteChangesOfABlock() {
    int[] outcome = mutate(Kind.BLOCK, LedgerCodec.encode(CodecSamples.block()),
        new int[] {0x01, 0x02, 0x04, 0x08, 0x10, 0x40, 0x80, 0xff});
    assertThat(outcome[1]).isPositive();
  }
}
