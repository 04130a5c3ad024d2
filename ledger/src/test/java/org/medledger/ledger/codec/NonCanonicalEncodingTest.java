package org.medledger.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.ledger.codec.CodecSamples.filled;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.pb.Attribute;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Every value has exactly one encoding: the decoders refuse anything else — unknown fields,
 * reordered or repeated fields, explicit defaults, long varints, unsupported formats, out-of-range
 * values — with {@link MalformedEncodingException} and a message.
 */
class NonCanonicalEncodingTest {

  /** One decoder and a valid encoding for it. */
  record Encoding(byte[] bytes, Function<byte[], Object> decoder) {}

  static Stream<Named<Encoding>> validEncodings() {
    return Stream.of(
        Named.of("transaction", new Encoding(CodecSamples.transaction().encoded(), LedgerCodec::decodeTransaction)),
        Named.of("result", new Encoding(LedgerCodec.encode(CodecSamples.okResultWithEvents()), LedgerCodec::decodeResult)),
        Named.of("header", new Encoding(LedgerCodec.encode(CodecSamples.header()), LedgerCodec::decodeHeader)),
        Named.of("block", new Encoding(LedgerCodec.encode(CodecSamples.block()), LedgerCodec::decodeBlock)),
        Named.of("empty block", new Encoding(LedgerCodec.encode(CodecSamples.emptyBlock()), LedgerCodec::decodeBlock)));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(Runnable decoding) {
    return assertThatThrownBy(decoding::run)
        .isExactlyInstanceOf(MalformedEncodingException.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }

  private static void assertTransactionMalformed(byte[] bytes, String messagePart) {
    assertMalformed(() -> LedgerCodec.decodeTransaction(bytes)).hasMessageContaining(messagePart);
  }

  // ---- the generated protobuf messages, built from canonical samples, to break one thing at a time

  private static org.medledger.ledger.codec.pb.SignedTransaction.Builder transactionProto() {
    try {
      return org.medledger.ledger.codec.pb.SignedTransaction.parseFrom(CodecSamples.transaction().encoded()).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static org.medledger.ledger.codec.pb.TransactionResult.Builder resultProto(TransactionResult result) {
    try {
      return org.medledger.ledger.codec.pb.TransactionResult.parseFrom(LedgerCodec.encode(result)).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static org.medledger.ledger.codec.pb.BlockHeader.Builder headerProto() {
    try {
      return org.medledger.ledger.codec.pb.BlockHeader.parseFrom(LedgerCodec.encode(CodecSamples.header())).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static org.medledger.ledger.codec.pb.Block.Builder blockProto() {
    try {
      return org.medledger.ledger.codec.pb.Block.parseFrom(LedgerCodec.encode(CodecSamples.block())).toBuilder();
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theProtoBuildersReproduceTheCanonicalSamples() {
    assertThat(transactionProto().build().toByteArray()).isEqualTo(CodecSamples.transaction().encoded());
    assertThat(headerProto().build().toByteArray()).isEqualTo(LedgerCodec.encode(CodecSamples.header()));
    assertThat(blockProto().build().toByteArray()).isEqualTo(LedgerCodec.encode(CodecSamples.block()));
  }

  // ---- unknown fields

  @ParameterizedTest
  @MethodSource("validEncodings")
  void anUnknownFieldAppendedIsRejected(Encoding valid) {
    byte[] extended = Wire.concat(valid.bytes(), Wire.unknownVarintField15());
    assertMalformed(() -> valid.decoder().apply(extended)).hasMessageContaining("canonical");
  }

  @ParameterizedTest
  @MethodSource("validEncodings")
  void anUnknownFieldPrependedIsRejected(Encoding valid) {
    byte[] extended = Wire.concat(Wire.message(out -> out.writeByteArray(15, new byte[] {1, 2})), valid.bytes());
    assertMalformed(() -> valid.decoder().apply(extended));
  }

  @Test
  void anUnknownFieldInsideTheSignedBodyIsRejected() {
    SignedTransaction tx = CodecSamples.transaction();
    byte[] body = Wire.concat(LedgerCodec.encode(tx.body()), Wire.unknownVarintField15());
    byte[] bytes = Wire.message(out -> {
      out.writeByteArray(1, body);
      out.writeByteArray(2, tx.signature());
    });
    assertTransactionMalformed(bytes, "canonical");
  }

  // ---- order, repetition and alternative forms of the same values

  @Test
  void aSignatureBeforeTheBodyIsRejectedThoughProtobufParsesItToTheSameMessage() throws Exception {
    SignedTransaction tx = CodecSamples.transaction();
    byte[] reordered = Wire.message(out -> {
      out.writeByteArray(2, tx.signature());
      out.writeByteArray(1, LedgerCodec.encode(tx.body()));
    });
    assertThat(org.medledger.ledger.codec.pb.SignedTransaction.parseFrom(reordered))
        .isEqualTo(org.medledger.ledger.codec.pb.SignedTransaction.parseFrom(tx.encoded()));
    assertTransactionMalformed(reordered, "canonical");
  }

  @Test
  void bodyFieldsOutOfNumberOrderAreRejected() {
    SignedTransaction tx = CodecSamples.transaction();
    byte[] body = Wire.message(out -> {
      out.writeString(2, tx.body().chainId());
      out.writeUInt32(1, 1);
      out.writeString(3, tx.body().type().id());
      out.writeByteArray(4, tx.body().payload());
      out.writeString(5, tx.body().signer().organisation().value());
      out.writeString(6, tx.body().signer().name());
      out.writeByteArray(7, tx.body().certificateFingerprint().toByteArray());
      out.writeByteArray(8, tx.body().nonce());
    });
    byte[] bytes = Wire.message(out -> {
      out.writeByteArray(1, body);
      out.writeByteArray(2, tx.signature());
    });
    assertTransactionMalformed(bytes, "canonical");
  }

  @Test
  void headerFieldsInReverseOrderAreRejectedThoughProtobufParsesThemToTheSameMessage() throws Exception {
    BlockHeader h = CodecSamples.header();
    byte[] reversed = Wire.message(out -> {
      out.writeString(10, h.proposer());
      out.writeInt64(9, h.timestamp().toEpochMilli());
      out.writeByteArray(8, h.stateRoot().toByteArray());
      out.writeByteArray(7, h.resultsRoot().toByteArray());
      out.writeUInt64(6, h.transactionCount());
      out.writeByteArray(5, h.transactionsRoot().toByteArray());
      out.writeByteArray(4, h.previousHash().toByteArray());
      out.writeUInt64(3, h.height());
      out.writeString(2, h.chainId());
      out.writeUInt32(1, 1);
    });
    assertThat(org.medledger.ledger.codec.pb.BlockHeader.parseFrom(reversed)).isEqualTo(headerProto().build());
    assertMalformed(() -> LedgerCodec.decodeHeader(reversed)).hasMessageContaining("canonical");
  }

  @Test
  void resultsBeforeTransactionsInABlockAreRejected() {
    Block block = CodecSamples.block();
    byte[] reordered = Wire.message(out -> {
      out.writeByteArray(1, LedgerCodec.encode(block.header()));
      for (TransactionResult r : block.results()) {
        out.writeByteArray(3, LedgerCodec.encode(r));
      }
      for (SignedTransaction tx : block.transactions()) {
        out.writeByteArray(2, tx.encoded());
      }
    });
    assertMalformed(() -> LedgerCodec.decodeBlock(reordered)).hasMessageContaining("canonical");
  }

  @Test
  void theHeaderAfterTheTransactionsOfABlockIsRejected() {
    Block block = CodecSamples.block();
    byte[] reordered = Wire.message(out -> {
      for (SignedTransaction tx : block.transactions()) {
        out.writeByteArray(2, tx.encoded());
      }
      for (TransactionResult r : block.results()) {
        out.writeByteArray(3, LedgerCodec.encode(r));
      }
      out.writeByteArray(1, LedgerCodec.encode(block.header()));
    });
    assertMalformed(() -> LedgerCodec.decodeBlock(reordered));
  }

  @Test
  void aFieldRepeatedWhereProtobufKeepsTheLastIsRejected() {
    byte[] repeated = Wire.concat(Wire.message(out -> out.writeString(2, "another-chain")),
        LedgerCodec.encode(CodecSamples.header()));
    assertMalformed(() -> LedgerCodec.decodeHeader(repeated));
  }

  @Test
  void aBodySplitInTwoPartsThatProtobufMergesIsRejected() {
    SignedTransaction tx = CodecSamples.transaction();
    byte[] body = LedgerCodec.encode(tx.body());
    byte[] firstHalf = Arrays.copyOf(body, 2 + tx.body().chainId().length() + 2); // format and chain id
    byte[] secondHalf = Arrays.copyOfRange(body, firstHalf.length, body.length);
    byte[] split = Wire.message(out -> {
      out.writeByteArray(1, firstHalf);
      out.writeByteArray(1, secondHalf);
      out.writeByteArray(2, tx.signature());
    });
    assertTransactionMalformed(split, "canonical");
  }

  @Test
  void anExplicitlyWrittenDefaultValueIsRejected() {
    TransactionResult failed = CodecSamples.failedResult();
    byte[] explicitFalse = Wire.message(out -> {
      out.writeByteArray(1, failed.transactionId().toByteArray());
      out.writeBool(2, false);
      out.writeString(3, failed.code());
      out.writeString(4, failed.message());
    });
    assertMalformed(() -> LedgerCodec.decodeResult(explicitFalse)).hasMessageContaining("canonical");
  }

  @Test
  void aVarintWithARedundantContinuationByteIsRejected() {
    byte[] canonical = LedgerCodec.encode(CodecSamples.header());
    // format = 1 is "08 01"; "08 81 00" is the same number in two bytes
    assertThat(Arrays.copyOf(canonical, 2)).containsExactly(0x08, 0x01);
    byte[] padded = Wire.concat(new byte[] {0x08, (byte) 0x81, 0x00}, Arrays.copyOfRange(canonical, 2, canonical.length));
    assertMalformed(() -> LedgerCodec.decodeHeader(padded)).hasMessageContaining("canonical");
  }

  @Test
  void aFormatWrittenAsATenByteVarintIsRejected() {
    byte[] canonical = LedgerCodec.encode(CodecSamples.header());
    byte[] longFormat = Wire.concat(
        new byte[] {0x08, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10},
        Arrays.copyOfRange(canonical, 2, canonical.length));
    assertMalformed(() -> LedgerCodec.decodeHeader(longFormat));
  }

  // ---- formats

  @Test
  void anUnsupportedTransactionFormatIsRejected() {
    var proto = transactionProto();
    proto.getBodyBuilder().setFormat(2);
    assertTransactionMalformed(proto.build().toByteArray(), "unsupported transaction format 2");
  }

  @Test
  void aTransactionWithoutFormatIsRejected() {
    var proto = transactionProto();
    proto.getBodyBuilder().clearFormat();
    assertTransactionMalformed(proto.build().toByteArray(), "format 0");
  }

  @Test
  void anUnsupportedHeaderFormatIsRejected() {
    byte[] bytes = headerProto().setFormat(2).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeHeader(bytes)).hasMessageContaining("unsupported block header format 2");
  }

  @Test
  void aBlockWhoseHeaderHasAnUnsupportedFormatIsRejected() {
    var proto = blockProto();
    proto.getHeaderBuilder().setFormat(7);
    assertMalformed(() -> LedgerCodec.decodeBlock(proto.build().toByteArray())).hasMessageContaining("format 7");
  }

  @Test
  void aBlockWithoutHeaderIsRejected() {
    byte[] bytes = blockProto().clearHeader().build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeBlock(bytes));
  }

  @Test
  void aTransactionWithoutBodyIsRejected() {
    byte[] bytes = transactionProto().clearBody().build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeTransaction(bytes));
  }

  // ---- values out of range

  @Test
  void aNonceOf15BytesIsRejected() {
    var proto = transactionProto();
    proto.getBodyBuilder().setNonce(ByteString.copyFrom(filled(15, 7)));
    assertTransactionMalformed(proto.build().toByteArray(), "nonce");
  }

  @Test
  void aNonceOf17BytesOrNoneIsRejected() {
    for (int length : new int[] {0, 17, 32}) {
      var proto = transactionProto();
      proto.getBodyBuilder().setNonce(ByteString.copyFrom(filled(length, 7)));
      assertTransactionMalformed(proto.build().toByteArray(), "nonce");
    }
  }

  @Test
  void anInvalidTransactionTypeIsRejected() {
    for (String type : new String[] {"UPPER.case", "nodot", "", "a.b.c.d.e"}) {
      var proto = transactionProto();
      proto.getBodyBuilder().setType(type);
      assertTransactionMalformed(proto.build().toByteArray(), "transaction type");
    }
  }

  @Test
  void anInvalidOrganisationIdIsRejected() {
    for (String organisation : new String[] {"St Mary", "", "-st-mary", "st_mary"}) {
      var proto = transactionProto();
      proto.getBodyBuilder().setSignerOrganisation(organisation);
      assertTransactionMalformed(proto.build().toByteArray(), "organisation");
    }
  }

  @Test
  void anInvalidSignerNameIsRejected() {
    for (String name : new String[] {"", " leading-space", "dr<alice>", "x".repeat(65)}) {
      var proto = transactionProto();
      proto.getBodyBuilder().setSignerName(name);
      assertTransactionMalformed(proto.build().toByteArray(), "name");
    }
  }

  @Test
  void aFingerprintOf31BytesIsRejected() {
    for (int length : new int[] {0, 31, 33}) {
      var proto = transactionProto();
      proto.getBodyBuilder().setCertificateFingerprint(ByteString.copyFrom(filled(length, 3)));
      assertTransactionMalformed(proto.build().toByteArray(), "digest");
    }
  }

  @Test
  void aHeaderHashOf31BytesIsRejected() {
    byte[] bytes = headerProto().setPreviousHash(ByteString.copyFrom(filled(31, 1))).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeHeader(bytes)).hasMessageContaining("digest");
  }

  @Test
  void aNegativeHeightOrTransactionCountIsRejected() {
    byte[] height = headerProto().setHeight(-1).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeHeader(height)).hasMessageContaining("negative");
    byte[] count = headerProto().setTransactionCount(Long.MIN_VALUE).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeHeader(count)).hasMessageContaining("negative");
  }

  @Test
  void aResultWithATransactionIdOf31BytesIsRejected() {
    byte[] bytes = resultProto(CodecSamples.failedResult())
        .setTransactionId(ByteString.copyFrom(filled(31, 1))).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeResult(bytes)).hasMessageContaining("digest");
  }

  @Test
  void duplicateEventAttributeKeysAreRejected() {
    var proto = resultProto(CodecSamples.okResultWithEvents());
    proto.getEventsBuilder(0).addAttributes(Attribute.newBuilder().setKey("role").setValue("registrar"));
    assertMalformed(() -> LedgerCodec.decodeResult(proto.build().toByteArray())).hasMessageContaining("duplicate");
  }

  @Test
  void duplicateEventAttributeKeysWithTheSameValueAreRejected() {
    var proto = resultProto(CodecSamples.okResultWithEvents());
    proto.getEventsBuilder(0).addAttributes(Attribute.newBuilder().setKey("role").setValue("physician"));
    assertMalformed(() -> LedgerCodec.decodeResult(proto.build().toByteArray())).hasMessageContaining("duplicate");
  }

  @Test
  void eventAttributesOutOfKeyOrderAreRejected() {
    var proto = resultProto(CodecSamples.okResultWithEvents());
    var event = proto.getEventsBuilder(0);
    var attributes = new java.util.ArrayList<>(event.getAttributesList());
    java.util.Collections.reverse(attributes);
    event.clearAttributes().addAllAttributes(attributes);
    assertMalformed(() -> LedgerCodec.decodeResult(proto.build().toByteArray())).hasMessageContaining("canonical");
  }

  @Test
  void anEventWithoutNameIsRejected() {
    var proto = resultProto(CodecSamples.okResultWithEvents());
    proto.getEventsBuilder(1).clearName();
    assertMalformed(() -> LedgerCodec.decodeResult(proto.build().toByteArray()));
  }

  @Test
  void aResultWhoseSuccessFlagContradictsItsCodeIsRejected() {
    byte[] successWithFailureCode = resultProto(CodecSamples.failedResult()).setSuccess(true).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeResult(successWithFailureCode));
    byte[] failureWithOkCode = resultProto(CodecSamples.failedResult()).setCode("ok").build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeResult(failureWithOkCode));
  }

  @Test
  void aTransactionCountThatDoesNotMatchTheTransactionsIsRejected() {
    var tooMany = blockProto();
    tooMany.getHeaderBuilder().setTransactionCount(3);
    assertMalformed(() -> LedgerCodec.decodeBlock(tooMany.build().toByteArray())).hasMessageContaining("count");
    var tooFew = blockProto();
    tooFew.getHeaderBuilder().setTransactionCount(1);
    assertMalformed(() -> LedgerCodec.decodeBlock(tooFew.build().toByteArray())).hasMessageContaining("count");
  }

  @Test
  void aBlockWithAResultMissingIsRejected() {
    byte[] bytes = blockProto().removeResults(1).build().toByteArray();
    assertMalformed(() -> LedgerCodec.decodeBlock(bytes)).hasMessageContaining("one result per transaction");
  }

  @Test
  void aBlockContainingAMalformedTransactionIsRejected() {
    var proto = blockProto();
    proto.getTransactionsBuilder(1).getBodyBuilder().setNonce(ByteString.copyFrom(filled(15, 0)));
    assertMalformed(() -> LedgerCodec.decodeBlock(proto.build().toByteArray())).hasMessageContaining("nonce");
  }

  // ---- not an encoding at all

  /**
   * Protobuf is not self-delimiting: cut at a field boundary, a transaction, result or header may
   * still be the canonical encoding of another (shorter) value. What must never happen is that a
   * truncation decodes to the original value or to a value with another encoding.
   */
  @ParameterizedTest
  @MethodSource("validEncodings")
  void everyTruncationIsRejectedOrIsTheCanonicalEncodingOfAnotherValue(Encoding valid) {
    Object original = valid.decoder().apply(valid.bytes());
    int rejected = 0;
    for (int length = 0; length < valid.bytes().length; length++) {
      byte[] truncated = Arrays.copyOf(valid.bytes(), length);
      try {
        Object decoded = valid.decoder().apply(truncated);
        assertThat(decoded).isNotEqualTo(original);
        assertThat(encode(decoded)).isEqualTo(truncated);
      } catch (MalformedEncodingException expected) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(valid.bytes().length * 9 / 10);
  }

  @Test
  void aBlockTruncatedAnywhereIsRejected() {
    byte[] block = LedgerCodec.encode(CodecSamples.block());
    for (int length = 0; length < block.length; length++) {
      byte[] truncated = Arrays.copyOf(block, length);
      assertMalformed(() -> LedgerCodec.decodeBlock(truncated));
    }
  }

  @Test
  void aTransactionCutBeforeItsSignatureDecodesAsTheSameBodyUnsigned() {
    SignedTransaction tx = CodecSamples.transaction();
    byte[] unsigned = Wire.message(out -> out.writeByteArray(1, LedgerCodec.encode(tx.body())));
    SignedTransaction decoded = LedgerCodec.decodeTransaction(unsigned);
    assertThat(decoded.signature()).isEmpty();
    assertThat(decoded.body()).isEqualTo(tx.body());
    assertThat(decoded).isNotEqualTo(tx);
  }

  static byte[] encode(Object value) {
    if (value instanceof SignedTransaction tx) {
      return tx.encoded();
    } else if (value instanceof TransactionResult result) {
      return LedgerCodec.encode(result);
    } else if (value instanceof BlockHeader header) {
      return LedgerCodec.encode(header);
    } else if (value instanceof Block block) {
      return LedgerCodec.encode(block);
    }
    throw new IllegalArgumentException("not a ledger value: " + value);
  }

  @Test
  void nullIsRejected() {
    assertMalformed(() -> LedgerCodec.decodeTransaction(null));
    assertMalformed(() -> LedgerCodec.decodeResult(null));
    assertMalformed(() -> LedgerCodec.decodeHeader(null));
    assertMalformed(() -> LedgerCodec.decodeBlock(null));
  }

  @Test
  void anEncodingOfOneKindIsNotAcceptedAsAnother() {
    byte[] tx = CodecSamples.transaction().encoded();
    byte[] result = LedgerCodec.encode(CodecSamples.okResultWithEvents());
    byte[] header = LedgerCodec.encode(CodecSamples.header());
    byte[] block = LedgerCodec.encode(CodecSamples.block());
    for (byte[] other : new byte[][] {result, header, block}) {
      assertMalformed(() -> LedgerCodec.decodeTransaction(other));
    }
    for (byte[] other : new byte[][] {tx, header, block}) {
      assertMalformed(() -> LedgerCodec.decodeResult(other));
    }
    for (byte[] other : new byte[][] {tx, result, block}) {
      assertMalformed(() -> LedgerCodec.decodeHeader(other));
    }
    for (byte[] other : new byte[][] {tx, result, header}) {
      assertMalformed(() -> LedgerCodec.decodeBlock(other));
    }
  }
}
