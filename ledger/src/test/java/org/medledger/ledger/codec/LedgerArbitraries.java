package org.medledger.ledger.codec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.SignerId;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.OrganisationId;

/**
 * Generators of valid ledger values (every field within what the value classes accept), shrinkable,
 * for round-trip properties. Tens of thousands of fuzz inputs come faster from {@link RandomValues}.
 */
final class LedgerArbitraries {
  private LedgerArbitraries() {}

  /** Text as protobuf can carry it: any Unicode scalar values (no lone surrogates), often ASCII. */
  static Arbitrary<String> text(int maxCodePoints) {
    Arbitrary<String> unicode = Arbitraries.integers().between(0, 0x10FFFF)
        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
        .list().ofMaxSize(maxCodePoints)
        .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(maxCodePoints);
    return Arbitraries.frequencyOf(Tuple.of(3, ascii), Tuple.of(1, unicode), Tuple.of(1, Arbitraries.just("")));
  }

  static Arbitrary<byte[]> bytes(int maxLength) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength);
  }

  static Arbitrary<byte[]> bytesOfLength(int length) {
    return Arbitraries.bytes().array(byte[].class).ofSize(length);
  }

  static Arbitrary<Digest> digests() {
    return Arbitraries.frequencyOf(Tuple.of(9, bytesOfLength(Digest.LENGTH).map(Digest::of)),
        Tuple.of(1, Arbitraries.just(Digest.ZERO)));
  }

  static Arbitrary<TransactionType> types() {
    Arbitrary<String> segment = Combinators.combine(
            Arbitraries.chars().range('a', 'z'),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(8))
        .as((first, rest) -> first + rest);
    return segment.list().ofMinSize(2).ofMaxSize(4).map(s -> TransactionType.of(String.join(".", s)));
  }

  static Arbitrary<OrganisationId> organisations() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1)
        .ofMaxLength(10);
    return word.list().ofMinSize(1).ofMaxSize(3).map(w -> OrganisationId.of(String.join("-", w)));
  }

  static Arbitrary<String> signerNames() {
    return Combinators.combine(
            Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9'),
            Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(' ', '.', '_', '@', '-').ofMaxLength(63))
        .as((first, rest) -> first + rest);
  }

  static Arbitrary<TransactionBody> bodies() {
    return Combinators.combine(text(20), types(), bytes(64), organisations(), signerNames(), digests(),
            bytesOfLength(TransactionBody.NONCE_LENGTH))
        .as((chain, type, payload, org, name, fingerprint, nonce) ->
            new TransactionBody(chain, type, payload, new SignerId(org, name), fingerprint, nonce));
  }

  static Arbitrary<SignedTransaction> transactions() {
    return Combinators.combine(bodies(), bytes(100)).as(SignedTransaction::new);
  }

  static Arbitrary<Event> events() {
    Arbitrary<String> name = text(12).filter(s -> !s.isEmpty());
    Arbitrary<Map<String, String>> attributes = Arbitraries.maps(text(8), text(16)).ofMaxSize(4);
    return Combinators.combine(name, attributes).as(Event::of);
  }

  static Arbitrary<TransactionResult> results() {
    Arbitrary<TransactionResult> ok = Combinators.combine(digests(), events().list().ofMaxSize(3))
        .as(TransactionResult::ok);
    Arbitrary<TransactionResult> failed = Combinators.combine(digests(), text(16).filter(c -> !c.equals("ok")),
            text(40))
        .as(TransactionResult::failed);
    Arbitrary<TransactionResult> failedWithEvents = Combinators.combine(digests(),
            text(16).filter(c -> !c.equals("ok")), text(40), events().list().ofMaxSize(2))
        .as((id, code, message, events) -> new TransactionResult(id, false, code, message, events));
    return Arbitraries.oneOf(ok, failed, failedWithEvents);
  }

  static Arbitrary<Long> naturals() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000), Arbitraries.longs().between(0, Long.MAX_VALUE));
  }

  private static Arbitrary<Instant> times() {
    return Arbitraries.oneOf(Arbitraries.longs().between(1_700_000_000_000L, 1_900_000_000_000L), Arbitraries.longs())
        .map(Instant::ofEpochMilli);
  }

  // No flatMap here: it creates arbitraries per value, and jqwik's memoization of their generators
  // made these generators slow down without bound.

  static Arbitrary<BlockHeader> headers() {
    Arbitrary<List<Digest>> roots = Combinators.combine(digests(), digests(), digests(), digests()).as(List::of);
    return Combinators.combine(text(20), naturals(), roots, naturals(), times(), text(20))
        .as((chain, height, r, count, time, proposer) ->
            new BlockHeader(chain, height, r.get(0), r.get(1), count, r.get(2), r.get(3), time, proposer));
  }

  static BlockHeader withTransactionCount(BlockHeader h, long count) {
    return new BlockHeader(h.chainId(), h.height(), h.previousHash(), h.transactionsRoot(), count, h.resultsRoot(),
        h.stateRoot(), h.timestamp(), h.proposer());
  }

  static Arbitrary<Block> blocks() {
    Arbitrary<List<net.jqwik.api.Tuple.Tuple2<SignedTransaction, TransactionResult>>> entries =
        Combinators.combine(transactions(), results()).as(net.jqwik.api.Tuple::of).list().ofMaxSize(3);
    return Combinators.combine(headers(), entries).as((header, list) -> new Block(
        withTransactionCount(header, list.size()),
        list.stream().map(net.jqwik.api.Tuple.Tuple2::get1).toList(),
        list.stream().map(net.jqwik.api.Tuple.Tuple2::get2).toList()));
  }

  /** The four decoders, and how to re-encode what each returns. */
  enum Kind {
    TRANSACTION {
      @Override
      byte[] roundTrip(byte[] bytes) {
        return LedgerCodec.decodeTransaction(bytes).encoded();
      }
    },
    RESULT {
      @Override
      byte[] roundTrip(byte[] bytes) {
        return LedgerCodec.encode(LedgerCodec.decodeResult(bytes));
      }
    },
    HEADER {
      @Override
      byte[] roundTrip(byte[] bytes) {
        return LedgerCodec.encode(LedgerCodec.decodeHeader(bytes));
      }
    },
    BLOCK {
      @Override
      byte[] roundTrip(byte[] bytes) {
        return LedgerCodec.encode(LedgerCodec.decodeBlock(bytes));
      }
    };

    /** Decodes, then encodes what was decoded; throws what the decoder throws. */
    abstract byte[] roundTrip(byte[] bytes);
  }

  record Encoded(Kind kind, byte[] bytes) {
    @Override
    public String toString() {
      return kind + " " + java.util.HexFormat.of().formatHex(bytes);
    }
  }
}
