package org.medledger.node.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The signature checks of a block made ahead of its re-execution, on a pool of its own, while the
 * blocks before it are re-executed: the verifier's pipeline. They are handed to the
 * {@link BlockExecutor} as {@linkplain BlockExecutor.SignatureChecks checks already made}, so each
 * signature is verified once, and the sequential part of re-executing a block overlaps the
 * signature checks of the next ones.
 *
 * <p>Each signer's certificate and its verifier are looked up on the calling (re-executing)
 * thread, in the state replayed so far and with the executor's own {@link IdentityDirectory}; the
 * pool only runs the verifications. A check is reused only for the very transaction object it was
 * made for and only if the executor, looking the certificate up in the state at the block's start,
 * gets the very verifier object that was used: exactly the computation the executor would make
 * ({@code Rules.SignatureValid.verify}). Anything else — a certificate recorded, changed or
 * evicted from the directory's cache in between — the executor verifies itself, as it would
 * without this class.
 */
final class SignaturesAhead implements BlockExecutor.SignatureChecks {
  private final List<SignedTransaction> batch;
  /** Per position: the verifier used, null if none (no certificate on chain, or an unusable key). */
  private final Verifier[] verifiers;
  /** Per position: the result, null if no check was made. */
  private final Boolean[] results;
  private final Future<?> done;
  private final IdentityDirectory identities;

  private SignaturesAhead(List<SignedTransaction> batch, IdentityDirectory identities, ForkJoinPool pool,
      StateView state) {
    this.batch = batch;
    this.identities = identities;
    int n = batch.size();
    this.verifiers = new Verifier[n];
    this.results = new Boolean[n];
    Map<Digest, Optional<Verifier>> byCertificate = new HashMap<>(); // the state does not change meanwhile
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Digest fingerprint = batch.get(i).body().certificateFingerprint();
      Optional<Verifier> verifier = byCertificate.computeIfAbsent(fingerprint, fp -> verifierFor(state, fp));
      verifiers[i] = verifier.orElse(null);
      any |= verifiers[i] != null;
    }
    this.done = any ? pool.submit(() -> IntStream.range(0, n).parallel().forEach(this::check)) : null;
  }

  /**
   * Starts the signature checks of a block's transactions against the certificates in this state,
   * to run on the pool; to be called on the thread that re-executes (and changes the state).
   */
  static SignaturesAhead start(List<SignedTransaction> batch, IdentityDirectory identities, ForkJoinPool pool,
      StateView state) {
    return new SignaturesAhead(batch, identities, pool, state);
  }

  /** The verifier of a certificate on chain in this state, if there is one with a usable key. */
  private Optional<Verifier> verifierFor(StateView state, Digest fingerprint) {
    Optional<CertificateEntry> entry = identities.certificate(state, fingerprint);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(identities.verifier(entry.get()));
    } catch (CryptoException e) {
      return Optional.empty(); // the executor finds the key unusable (the signature invalid) itself
    }
  }

  /** As {@code Rules.SignatureValid.verify} with this verifier. */
  private void check(int i) {
    Verifier verifier = verifiers[i];
    if (verifier == null) {
      return;
    }
    SignedTransaction tx = batch.get(i);
    boolean valid;
    try {
      valid = verifier.verify(LedgerCodec.encode(tx.body()), tx.signature());
    } catch (CryptoException e) {
      valid = false;
    }
    results[i] = valid;
  }

  /** Waits until every check is made. */
  SignaturesAhead await() {
    if (done != null) {
      Tasks.join(done);
    }
    return this;
  }

  /** Only after {@link #await}. */
  @Override
  public Optional<Boolean> made(int index, SignedTransaction tx, CertificateEntry certificate) {
    if (index < 0 || index >= results.length || results[index] == null || batch.get(index) != tx) {
      return Optional.empty();
    }
    Verifier verifier;
    try {
      verifier = identities.verifier(certificate);
    } catch (CryptoException e) {
      return Optional.empty();
    }
    return verifier == verifiers[index] ? Optional.of(results[index]) : Optional.empty();
  }
}
