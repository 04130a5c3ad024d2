package org.medledger.bench.load;

import java.util.List;
import java.util.Map;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The default workload: {@code test.echo} transactions from every organisation's registrar in
 * turn, each with a unique payload of a given size, which the node stores under its own key. No
 * set-up: the registrars are on chain from the genesis block. Needs validators that run the echo
 * contract ({@link BenchValidators}, {@link BenchNode}).
 */
final class EchoWorkload implements Workload {
  private final LoadSigners registrars;
  private final int payloadBytes;

  EchoWorkload(LoadSigners registrars, int payloadBytes) {
    if (payloadBytes < 1) {
      throw new IllegalArgumentException("--payload-bytes must be positive");
    }
    this.registrars = registrars;
    this.payloadBytes = payloadBytes;
  }

  @Override
  public String describe() {
    return String.format("test.echo, %s, %d signers (the registrars), %d-byte payloads", registrars.scheme(),
        registrars.signers().size(), payloadBytes);
  }

  @Override
  public List<SignedTransaction> sign(int count, String tag) {
    return Presigner.echo(registrars.signers(), count, payloadBytes, tag);
  }

  @Override
  public SignatureKeys keys() {
    return registrars;
  }

  @Override
  public Map<String, Long> expectedDecisions(int count) {
    return Map.of();
  }
}
