package org.medledger.ledger.codec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

/** Generators of valid ledger values (every field within what the value classes accept). */
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
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, ascii), net.jqwik.api.Tuple.of(1, unicode), net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
  }

  static Arbitrary<byte[]> bytes(int maxLength) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength);
  }

  static Arbitrary<byte[]> bytesOfLength(int length) {
    return Arbitraries.bytes().array(byte[].class).ofSize(length);
  }

  static Arbitrary<Digest> digests() {
    return Arbitraries.oneOf(bytesOfLength(Digest.LENGTH).map(Digest::of), Arbitraries.just(Digest.ZERO));
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

  static Arbitrary<BlockHeader> headers() {
    return naturals().flatMap(LedgerArbitraries::headers);
  }

  static Arbitrary<BlockHeader> headers(long transactionCount) {
    Arbitrary<Instant> times = Arbitraries.oneOf(
        Arbitraries.longs().between(1_700_000_000_000L, 1_900_000_000_000L),
        Arbitraries.longs())
        .map(Instant::ofEpochMilli);
    return Combinators.combine(text(20), naturals(), digests(), digests(), digests(), digests(), times, text(20))
        .as((chain, height, previous, txRoot, resultsRoot, stateRoot, time, proposer) -> new BlockHeader(chain,
            height, previous, txRoot, transactionCount, resultsRoot, stateRoot, time, proposer));
  }

  static Arbitrary<Block> blocks() {
    return transactions().list().ofMaxSize(3).flatMap(transactions ->
        Combinators.combine(headers(transactions.size()), results().list().ofSize(transactions.size()))
            .as((header, results) -> new Block(header, transactions, results)));
  }

  /** Any of the four kinds of value, as its canonical encoding. */
  static Arbitrary<Encoded> encodings() {
    return Arbitraries.oneOf(
        transactions().map(tx -> new Encoded(Kind.TRANSACTION, tx.encoded())),
        results().map(r -> new Encoded(Kind.RESULT, LedgerCodec.encode(r))),
        headers().map(h -> new Encoded(Kind.HEADER, LedgerCodec.encode(h))),
        blocks().map(b -> new Encoded(Kind.BLOCK, LedgerCodec.encode(b))));
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

  static List<Kind> kinds() {
    return List.of(Kind.values());
  }
}
