package org.medledger.ledger.validation;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.medledger.ledger.Digest;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * What the rules check a transaction against: the chain's parameters, the state as of this
 * transaction's position in its block, and the block time.
 *
 * @param committed tells whether a transaction id is already on chain or earlier in this block
 * @param preverifiedSignature the result of the signature check this validator already made for
 *     this very transaction (in parallel, before applying the block in order); empty if not made
 */
public record ValidationContext(
    String chainId,
    Instant blockTime,
    int maxTransactionBytes,
    ContractRegistry contracts,
    IdentityDirectory identities,
    StateView state,
    Predicate<Digest> committed,
    Optional<Boolean> preverifiedSignature) {

  public static final int DEFAULT_MAX_TRANSACTION_BYTES = 1 << 20;

  public Optional<CertificateEntry> signerCertificate(SignedTransaction transaction) {
    return identities.certificate(state, transaction.body().certificateFingerprint());
  }
}
