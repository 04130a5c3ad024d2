package org.medledger.ledger.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Fixed, fully populated ledger values for codec tests, with fluent copies that change one field.
 * Signatures are arbitrary bytes: the codec does not care whether they verify.
 */
final class CodecSamples {
  static final String CHAIN = "medledger-test";
  static final TransactionType ECHO = TransactionType.of("test.echo");

  private CodecSamples() {}

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  static Digest digest(int value) {
    return Digest.of(filled(Digest.LENGTH, value));
  }

  /** A body in which every field has a non-default value. */
  static BodyBuilder body() {
    return new BodyBuilder();
  }

  static SignedTransaction transaction() {
    return body().signed(filled(70, 0x5a));
  }

  static TransactionResult okResultWithEvents() {
    return TransactionResult.ok(digest(0x11), List.of(
        Event.of("certificate.recorded", Map.of("name", "dr-alice", "organisation", "st-mary", "role", "physician")),
        Event.of("echoed", Map.of()),
        Event.of("empty-attribute", Map.of("", ""))));
  }

  static TransactionResult failedResult() {
    return TransactionResult.failed(digest(0x12), "certificate-revoked", "revoked on chain at block 7 (key-compromise)");
  }

  static BlockHeader header() {
    return header(2);
  }

  static BlockHeader header(long transactionCount) {
    return new BlockHeader(CHAIN, 42, digest(1), digest(2), transactionCount, digest(3), digest(4),
        Instant.parse("2026-03-01T10:00:01.234Z"), "validator-1");
  }

  /** A block of two transactions, one applied (with events) and one refused. */
  static Block block() {
    SignedTransaction first = transaction();
    SignedTransaction second = body().payload(bytes("second")).signed(filled(71, 0x6b));
    return new Block(header(2), List.of(first, second), List.of(
        TransactionResult.ok(first.id(), okResultWithEvents().events()),
        TransactionResult.failed(second.id(), "refused", "the echo contract refuses 'refuse'")));
  }

  static Block emptyBlock() {
    return new Block(header(0), List.of(), List.of());
  }

  /** Attributes in a map whose iteration order is the reverse of the canonical (sorted) one. */
  static Map<String, String> reverseOrdered(Map<String, String> attributes) {
    Map<String, String> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
    reversed.putAll(attributes);
    return reversed;
  }

  static List<Byte> boxed(byte[] bytes) {
    List<Byte> list = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      list.add(b);
    }
    return list;
  }

  /** Fluent test data for transaction bodies: defaults for everything, override what matters. */
  static final class BodyBuilder {
    private String chainId = CHAIN;
    private TransactionType type = ECHO;
    private byte[] payload = bytes("hello, ledger");
    private SignerId signer = new SignerId(OrganisationId.of("st-mary"), "dr-alice");
    private Digest fingerprint = digest(0xf0);
    private byte[] nonce = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    BodyBuilder chainId(String value) {
      chainId = value;
      return this;
    }

    BodyBuilder type(String value) {
      type = TransactionType.of(value);
      return this;
    }

    BodyBuilder payload(byte[] value) {
      payload = value;
      return this;
    }

    BodyBuilder signer(String organisation, String name) {
      signer = new SignerId(OrganisationId.of(organisation), name);
      return this;
    }

    BodyBuilder fingerprint(Digest value) {
      fingerprint = value;
      return this;
    }

    BodyBuilder nonce(byte[] value) {
      nonce = value;
      return this;
    }

    TransactionBody build() {
      return new TransactionBody(chainId, type, payload, signer, fingerprint, nonce);
    }

    SignedTransaction signed(byte[] signature) {
      return new SignedTransaction(build(), signature);
    }
  }
}
