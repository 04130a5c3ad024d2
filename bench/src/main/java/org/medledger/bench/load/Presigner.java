package org.medledger.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;

/**
 * Signs the load before the timed part, on all cores: {@code test.echo} transactions (the node
 * stores each payload under its own state key) from the signers in turn, each payload unique.
 */
final class Presigner {
  private Presigner() {}

  static List<SignedTransaction> echo(List<TransactionSigner> signers, int count, int payloadBytes, String tag) {
    return IntStream.range(0, count).parallel()
        .mapToObj(i -> signers.get(i % signers.size()).sign(EchoContract.ECHO, payload(tag, i, payloadBytes)))
        .toList();
  }

  /** "load TAG I" padded with '.' to the given size (at least the label's length). */
  static byte[] payload(String tag, int index, int size) {
    byte[] label = ("load " + tag + " " + index).getBytes(StandardCharsets.UTF_8);
    byte[] payload = Arrays.copyOf(label, Math.max(size, label.length));
    Arrays.fill(payload, label.length, payload.length, (byte) '.');
    return payload;
  }
}
