package org.medledger.ledger.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerArbitraries.Encoded;
import org.medledger.ledger.codec.LedgerArbitraries.Kind;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.SignerId;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.OrganisationId;

/**
 * Valid ledger values drawn straight from a {@link Random}: the same shapes as {@link
 * LedgerArbitraries}, without shrinking, fast enough for 100,000 fuzz inputs.
 */
final class RandomValues {
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String UPPER = LOWER.toUpperCase(java.util.Locale.ROOT);

  private final Random random;

  RandomValues(Random random) {
    this.random = random;
  }

  byte[] bytes(int maxLength) {
    byte[] b = new byte[random.nextInt(maxLength + 1)];
    random.nextBytes(b);
    return b;
  }

  byte[] bytesOfLength(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  String text(int maxCodePoints) {
    int kind = random.nextInt(5);
    if (kind == 0) {
      return "";
    }
    int length = random.nextInt(maxCodePoints + 1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (kind == 1) {
        int cp;
        do {
          cp = random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x800);
        } while (cp >= 0xD800 && cp <= 0xDFFF);
        s.appendCodePoint(cp);
      } else {
        s.append((char) (' ' + random.nextInt(95)));
      }
    }
    return s.toString();
  }

  private String from(String alphabet, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  Digest digest() {
    return random.nextInt(10) == 0 ? Digest.ZERO : Digest.of(bytesOfLength(Digest.LENGTH));
  }

  TransactionType type() {
    int segments = 2 + random.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < segments; i++) {
      parts.add(from(LOWER, 1, 1) + from(LOWER + DIGITS + "-", 0, 8));
    }
    return TransactionType.of(String.join(".", parts));
  }

  OrganisationId organisation() {
    int words = 1 + random.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < words; i++) {
      parts.add(from(LOWER + DIGITS, 1, 10));
    }
    return OrganisationId.of(String.join("-", parts));
  }

  String signerName() {
    return from(LOWER + UPPER + DIGITS, 1, 1) + from(LOWER + UPPER + DIGITS + " ._@-", 0, 63);
  }

  long natural() {
    return random.nextBoolean() ? random.nextInt(1_001) : random.nextLong() & Long.MAX_VALUE;
  }

  TransactionBody body() {
    return new TransactionBody(text(20), type(), bytes(64), new SignerId(organisation(), signerName()), digest(),
        bytesOfLength(TransactionBody.NONCE_LENGTH));
  }

  SignedTransaction transaction() {
    return new SignedTransaction(body(), bytes(100));
  }

  Event event() {
    String name;
    do {
      name = text(12);
    } while (name.isEmpty());
    Map<String, String> attributes = new TreeMap<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      attributes.put(text(8), text(16));
    }
    return Event.of(name, attributes);
  }

  List<Event> events(int max) {
    List<Event> events = new ArrayList<>();
    int count = random.nextInt(max + 1);
    for (int i = 0; i < count; i++) {
      events.add(event());
    }
    return events;
  }

  TransactionResult result() {
    if (random.nextInt(3) == 0) {
      return TransactionResult.ok(digest(), events(3));
    }
    String code;
    do {
      code = text(16);
    } while (code.equals(TransactionResult.OK));
    return new TransactionResult(digest(), false, code, text(40), random.nextBoolean() ? List.of() : events(2));
  }

  BlockHeader header(long transactionCount) {
    long millis = random.nextBoolean() ? 1_700_000_000_000L + random.nextInt(1 << 30) : random.nextLong();
    return new BlockHeader(text(20), natural(), digest(), digest(), transactionCount, digest(), digest(),
        Instant.ofEpochMilli(millis), text(20));
  }

  BlockHeader header() {
    return header(natural());
  }

  Block block() {
    int count = random.nextInt(4);
    List<SignedTransaction> transactions = new ArrayList<>();
    List<TransactionResult> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      transactions.add(transaction());
      results.add(result());
    }
    return new Block(header(count), transactions, results);
  }

  byte[] encoding(Kind kind) {
    return switch (kind) {
      case TRANSACTION -> transaction().encoded();
      case RESULT -> LedgerCodec.encode(result());
      case HEADER -> LedgerCodec.encode(header());
      case BLOCK -> LedgerCodec.encode(block());
    };
  }

  Encoded encoded() {
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    return new Encoded(kind, encoding(kind));
  }
}
