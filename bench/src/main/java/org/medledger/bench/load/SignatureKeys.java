package org.medledger.bench.load;

import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;

/** The verifiers of the load's signers, by certificate fingerprint, as the node keeps them (one per certificate). */
interface SignatureKeys {
  /** The verifier for the certificate with this fingerprint; fails if no signer of the load has it. */
  Verifier verifier(Digest fingerprint);
}
