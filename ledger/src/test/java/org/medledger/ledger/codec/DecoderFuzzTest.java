package org.medledger.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.medledger.ledger.codec.LedgerArbitraries.Encoded;
import org.medledger.ledger.codec.LedgerArbitraries.Kind;

/**
 * The decoders throw nothing but {@link MalformedEncodingException} whatever the bytes, and what
 * they do accept re-encodes to exactly those bytes. 4 × 30,000 tries of arbitrary bytes (raw,
 * protobuf-shaped, and edited valid encodings), plus single-byte mutations of valid encodings.
 */
class DecoderFuzzTest {
  private static final int TRIES_PER_DECODER = 30_000;

  @Property(tries = TRIES_PER_DECODER, edgeCases = EdgeCasesMode.NONE)
  void decodeTransactionThrowsNothingButMalformedEncodingException(@ForAll("transactionFuzz") byte[] bytes) {
    check(Kind.TRANSACTION, bytes);
    requireCoverage(Kind.TRANSACTION, "decoded", "protobuf", "format", "value", "non-canonical");
  }

  @Property(tries = TRIES_PER_DECODER, edgeCases = EdgeCasesMode.NONE)
  void decodeResultThrowsNothingButMalformedEncodingException(@ForAll("resultFuzz") byte[] bytes) {
    check(Kind.RESULT, bytes);
    requireCoverage(Kind.RESULT, "decoded", "protobuf", "value", "non-canonical");
  }

  @Property(tries = TRIES_PER_DECODER, edgeCases = EdgeCasesMode.NONE)
  void decodeHeaderThrowsNothingButMalformedEncodingException(@ForAll("headerFuzz") byte[] bytes) {
    check(Kind.HEADER, bytes);
    requireCoverage(Kind.HEADER, "decoded", "protobuf", "format", "value", "non-canonical");
  }

  @Property(tries = TRIES_PER_DECODER, edgeCases = EdgeCasesMode.NONE)
  void decodeBlockThrowsNothingButMalformedEncodingException(@ForAll("blockFuzz") byte[] bytes) {
    check(Kind.BLOCK, bytes);
    requireCoverage(Kind.BLOCK, "decoded", "protobuf", "format", "value", "non-canonical");
  }

  /** Whether this property's coverage requirement is registered: once, not per try (that costs ~0.5 ms a try). */
  private boolean coverageRegistered;

  /** The inputs reach each way of decoding or refusing, so the property says something about each. */
  private void requireCoverage(Kind kind, String... outcomes) {
    if (coverageRegistered) {
      return;
    }
    coverageRegistered = true;
    Statistics.label(kind.name()).coverage(checker -> {
      for (String outcome : outcomes) {
        checker.check(outcome).count(n -> n > 0);
      }
    });
  }

  /**
   * Changing one byte of a valid encoding either gives the canonical encoding of another value
   * (e.g. a payload or signature byte) or is rejected; it never decodes to something that encodes
   * differently.
   */
  @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
  void aSingleByteMutationOfAValidEncodingDecodesToThoseBytesOrIsMalformed(
      @ForAll("encodings") Encoded valid, @ForAll int position, @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] mutated = valid.bytes().clone();
    int at = Math.floorMod(position, mutated.length);
    mutated[at] ^= (byte) xor;
    String outcome = check(valid.kind(), mutated);
    Statistics.label("outcome").collect(outcome.equals("decoded") ? "decoded" : "rejected");
    if (!coverageRegistered) {
      coverageRegistered = true;
      Statistics.label("outcome").coverage(c -> {
        c.check("decoded").percentage(p -> p > 5);
        c.check("rejected").percentage(p -> p > 10);
      });
    }
  }

  /** Decodes; a decoded value must re-encode to the input. Anything thrown but the codec's own error fails. */
  private static String check(Kind kind, byte[] bytes) {
    String outcome;
    try {
      assertThat(kind.roundTrip(bytes)).isEqualTo(bytes);
      outcome = "decoded";
    } catch (MalformedEncodingException e) {
      assertThat(e.getMessage()).isNotBlank();
      outcome = category(e.getMessage());
    }
    Statistics.label(kind.name()).collect(outcome);
    return outcome;
  }

  private static String category(String message) {
    if (message.startsWith("not a valid encoding")) {
      return "protobuf";
    } else if (message.startsWith("invalid value")) {
      return "value";
    } else if (message.startsWith("unsupported")) {
      return "format";
    } else if (message.startsWith("not the canonical")) {
      return "non-canonical";
    }
    return message;
  }

  // ---- inputs

  @Provide
  Arbitrary<byte[]> transactionFuzz() {
    return fuzz(Kind.TRANSACTION);
  }

  @Provide
  Arbitrary<byte[]> resultFuzz() {
    return fuzz(Kind.RESULT);
  }

  @Provide
  Arbitrary<byte[]> headerFuzz() {
    return fuzz(Kind.HEADER);
  }

  @Provide
  Arbitrary<byte[]> blockFuzz() {
    return fuzz(Kind.BLOCK);
  }

  @Provide
  Arbitrary<Encoded> encodings() {
    return Arbitraries.randomValue(random -> new RandomValues(random).encoded());
  }

  /**
   * Raw random bytes (20%); random protobuf fields (30%: right and wrong wire types, nested
   * messages, strings that are and are not valid UTF-8, byte strings of 15, 16, 31, 32 and 33
   * bytes); valid encodings of the decoder's kind with 1-3 random edits (40%: flips, insertions,
   * deletions, repeated slices, spliced-in fields); and valid encodings as they are (10%).
   */
  static Arbitrary<byte[]> fuzz(Kind kind) {
    return Arbitraries.randomValue(random -> {
      int flavour = random.nextInt(10);
      if (flavour < 2) {
        return new RandomValues(random).bytes(80);
      } else if (flavour < 5) {
        return soup(random, 0);
      } else if (flavour < 9) {
        return edit(new RandomValues(random).encoding(kind), random);
      }
      return new RandomValues(random).encoding(kind);
    });
  }

  private static byte[] edit(byte[] valid, Random random) {
    byte[] bytes = valid;
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      switch (random.nextInt(5)) {
        case 0 -> { // flip
          if (bytes.length > 0) {
            bytes = bytes.clone();
            bytes[Math.min(at, bytes.length - 1)] ^= (byte) (1 + random.nextInt(255));
          }
        }
        case 1 -> bytes = splice(bytes, at, at, randomBytes(random, 1 + random.nextInt(4)));
        case 2 -> bytes = splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(8)), new byte[0]);
        case 3 -> bytes = splice(bytes, at, at, soupFields(random, 1, 1));
        default -> { // repeat a slice elsewhere
          int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
          int to = Math.min(bytes.length, from + random.nextInt(16));
          bytes = splice(bytes, at, at, Arrays.copyOfRange(bytes, from, to));
        }
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
    return Wire.concat(Arrays.copyOf(bytes, from), insert, Arrays.copyOfRange(bytes, to, bytes.length));
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  private static byte[] soup(Random random, int depth) {
    return soupFields(random, random.nextInt(7), depth);
  }

  private static final String[] TEXTS = {"", "1", "ok", "test.echo", "identity.certificate.record", "UPPER.case",
      "st-mary", "St Mary", "dr-alice", "medledger-test", "validator-1", "é😀"};

  private static byte[] soupFields(Random random, int count, int depth) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(buffer);
      for (int i = 0; i < count; i++) {
        int field = random.nextInt(20) == 0 ? 1 + random.nextInt(1 << 20) : 1 + random.nextInt(11);
        switch (random.nextInt(12)) {
          case 0, 1, 2 -> out.writeUInt64(field, random.nextBoolean() ? random.nextInt(4) : random.nextLong());
          case 3 -> out.writeFixed64(field, random.nextLong());
          case 4 -> out.writeFixed32(field, random.nextInt());
          case 5 -> out.writeTag(field, 3 + random.nextInt(5)); // groups and invalid wire types
          case 6 -> out.writeByteArray(field, randomBytes(random, new int[] {15, 16, 31, 32, 33}[random.nextInt(5)]));
          case 7 -> out.writeString(field, TEXTS[random.nextInt(TEXTS.length)]);
          case 8 -> out.writeByteArray(field, new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff}); // not UTF-8
          case 9, 10 -> out.writeByteArray(field, depth < 3 ? soup(random, depth + 1) : randomBytes(random, 4));
          default -> out.writeByteArray(field, randomBytes(random, random.nextInt(40)));
        }
      }
      out.flush();
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
