package org.medledger.bench.load;

import java.util.List;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The ceiling signature checks alone put on throughput: verifies the signatures of the given
 * transactions on all cores (one cached verifier per certificate) and returns transactions per
 * second. Encoding the body is part of the check, as it is in the node.
 */
final class SignatureCeiling {
  private SignatureCeiling() {}

  /** Verifications per second; fails if any signature does not verify. */
  static double measure(List<SignedTransaction> transactions, SignatureKeys signers) {
    long start = System.nanoTime();
    long valid = transactions.parallelStream()
        .filter(tx -> signers.verifier(tx.body().certificateFingerprint())
            .verify(LedgerCodec.encode(tx.body()), tx.signature()))
        .count();
    long elapsed = System.nanoTime() - start;
    if (valid != transactions.size()) {
      throw new IllegalStateException((transactions.size() - valid) + " signatures did not verify");
    }
    return transactions.size() * 1e9 / elapsed;
  }
}
