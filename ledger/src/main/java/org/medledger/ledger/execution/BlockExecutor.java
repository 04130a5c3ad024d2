package org.medledger.ledger.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.chain.ChainView;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.contract.ContractTxContext;
import org.medledger.ledger.contract.VerifiedSigner;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.state.StateOverlay;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.Rejection;
import org.medledger.ledger.validation.Rules;
import org.medledger.ledger.validation.TransactionRule;
import org.medledger.ledger.validation.ValidationContext;

/**
 * Turns an ordered batch of transactions into the next block, deterministically: the same chain,
 * batch, time and proposer give the same block and state changes on every validator. Signatures
 * are checked in parallel first; then each transaction is validated and applied in order against
 * the state left by the ones before it. A refused transaction gets a failed result and changes
 * nothing; it never breaks the block. A replay — a transaction id already on chain or earlier in
 * the batch — is left out of the block: an id appears on chain once.
 */
public final class BlockExecutor {
  private final String chainId;
  private final ContractRegistry contracts;
  private final IdentityDirectory identities;
  private final List<TransactionRule> rules;
  private final int maxTransactionBytes;

  public BlockExecutor(String chainId, ContractRegistry contracts, IdentityDirectory identities, int maxTransactionBytes) {
    this.chainId = chainId;
    this.contracts = contracts;
    this.identities = identities;
    this.rules = Rules.all();
    this.maxTransactionBytes = maxTransactionBytes;
  }

  /**
   * Executes a batch on top of the chain's head.
   *
   * @param proposedTime the time the batch was cut, carried in the replicated log; the block's
   *     timestamp is never below its predecessor's
   */
  public ExecutedBlock execute(ChainView chain, List<SignedTransaction> batch, Instant proposedTime, String proposer) {
    return execute(chain, batch, proposedTime, proposer, SignatureChecks.NONE);
  }

  /**
   * Signature checks a caller made before executing a batch (for instance while the previous
   * block was executing), so that they are not made again. Each must be exactly what
   * {@link Rules.SignatureValid#verify} gives for that transaction and certificate; the executor
   * still looks each signer's certificate up itself and asks only for the one it found.
   */
  @FunctionalInterface
  public interface SignatureChecks {
    /** None made: the executor checks every signature itself. */
    SignatureChecks NONE = (index, tx, certificate) -> Optional.empty();

    /**
     * The result of verifying the signature of the transaction at this position of the batch
     * under this certificate, if already made; empty to have the executor verify it.
     */
    Optional<Boolean> made(int index, SignedTransaction tx, CertificateEntry certificate);
  }

  /**
   * Executes a batch on top of the chain's head, as {@link #execute(ChainView, List, Instant,
   * String)}, reusing the signature checks already made.
   */
  public ExecutedBlock execute(ChainView chain, List<SignedTransaction> batch, Instant proposedTime, String proposer,
      SignatureChecks made) {
    BlockHeader head = chain.header(chain.height())
        .orElseThrow(() -> new IllegalStateException("the chain has no genesis block"));
    Instant time = proposedTime.isBefore(head.timestamp()) ? head.timestamp() : proposedTime;
    List<Optional<Boolean>> signatures = verifySignaturesInParallel(chain.state(), batch, made);
    StateOverlay blockState = new StateOverlay(chain.state());
    Set<Digest> inBlock = new HashSet<>();
    List<SignedTransaction> included = new ArrayList<>(batch.size());
    List<TransactionResult> results = new ArrayList<>(batch.size());
    long height = head.height() + 1;
    for (int i = 0; i < batch.size(); i++) {
      SignedTransaction tx = batch.get(i);
      if (inBlock.contains(tx.id()) || chain.locate(tx.id()).isPresent()) {
        continue;
      }
      ValidationContext context = new ValidationContext(chainId, time, maxTransactionBytes, contracts, identities,
          blockState, id -> inBlock.contains(id) || chain.locate(id).isPresent(), signatures.get(i));
      results.add(apply(tx, context, blockState, height));
      included.add(tx);
      inBlock.add(tx.id());
    }
    return seal(head, included, results, blockState, time, proposer);
  }

  /** Validates one transaction and runs its contract in its own overlay. */
  private TransactionResult apply(SignedTransaction tx, ValidationContext context, StateOverlay blockState, long height) {
    try {
      for (TransactionRule rule : rules) {
        rule.check(tx, context);
      }
    } catch (Rejection rejection) {
      return TransactionResult.failed(tx.id(), rejection.code().id(), rejection.getMessage());
    } catch (RuntimeException e) {
      // Hostile input a rule did not foresee must fail this transaction, never the block.
      return TransactionResult.failed(tx.id(), "invalid-transaction", "the transaction could not be validated");
    }
    CertificateEntry entry = context.signerCertificate(tx).orElseThrow();
    VerifiedSigner signer = new VerifiedSigner(entry.claims(), entry.certificate(), entry.fingerprint());
    Contract contract = contracts.contractFor(tx.body().type()).orElseThrow();
    StateOverlay txState = new StateOverlay(blockState);
    ContractTxContext txContext = new ContractTxContext(tx, signer, height, context.blockTime(), txState);
    try {
      contract.execute(txContext);
    } catch (ContractException e) {
      return TransactionResult.failed(tx.id(), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      // A contract defect must not split the chain: every validator fails this transaction alike.
      return TransactionResult.failed(tx.id(), "contract-error", "the contract could not run this transaction");
    }
    txState.mergeInto(blockState);
    return TransactionResult.ok(tx.id(), txContext.events());
  }

  private ExecutedBlock seal(BlockHeader head, List<SignedTransaction> batch, List<TransactionResult> results,
      StateOverlay blockState, Instant time, String proposer) {
    var changes = blockState.changes();
    BlockHeader header = new BlockHeader(chainId, head.height() + 1, head.hash(),
        BlockRoots.digest(BlockRoots.transactionsTree(batch).root()), batch.size(),
        BlockRoots.digest(BlockRoots.resultsTree(results).root()), changes.nextRoot(head.stateRoot()), time, proposer);
    return new ExecutedBlock(new Block(header, batch, results), changes);
  }

  /**
   * Checks each signature whose certificate is already on chain, on all cores, by position in the
   * batch. Results are this validator's own and live only while this block is built.
   */
  private List<Optional<Boolean>> verifySignaturesInParallel(StateView state, List<SignedTransaction> batch,
      SignatureChecks made) {
    return IntStream.range(0, batch.size()).parallel().mapToObj(i -> {
      SignedTransaction tx = batch.get(i);
      return identities.certificate(state, tx.body().certificateFingerprint())
          .map(entry -> made.made(i, tx, entry).orElseGet(() -> Rules.SignatureValid.verify(tx, identities, entry)));
    }).toList();
  }
}
