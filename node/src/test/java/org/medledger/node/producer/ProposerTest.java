package org.medledger.node.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.receipt.BlockReceipts;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.ReceiptVerifier;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.RejectionCode;
import org.medledger.node.EchoContract;
import org.medledger.node.TestNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.storage.ReplicatedChainStore;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.Role;

/**
 * The proposer on a one-validator ledger wired as a node wires it (real store, real one-peer
 * Ratis group, log applier, sealer): admission, batching (one batch = one log entry = one block),
 * receipts, replays, stopping.
 */
@Timeout(120)
class ProposerTest {
  /** Cut only at 10 waiting transactions (or after 10 s, which no test waits for). */
  private static final NodeConfig.Batch TENS = new NodeConfig.Batch(10, 10_000);
  /** Never cut while a test runs. */
  private static final NodeConfig.Batch NEVER = new NodeConfig.Batch(100_000, 10_000);
  /** Cut each transaction after 1 ms. */
  private static final NodeConfig.Batch PROMPT = new NodeConfig.Batch(1000, 1);
  /** Generous bound on any single wait for the log: a one-peer group commits in milliseconds. */
  private static final long WAIT_SECONDS = 20;

  @TempDir Path dir;

  private final TestNetwork network = new TestNetwork();
  private final TestNetwork.Member registrar = network.registrar(TestNetwork.ORG);
  private SoloLedger ledger;

  @AfterEach
  void close() {
    if (ledger != null) {
      ledger.close();
    }
  }

  private Proposer start(NodeConfig.Batch batch) {
    return start(SoloLedger.Options.DEFAULT.batch(batch));
  }

  private Proposer start(SoloLedger.Options options) {
    ledger = SoloLedger.start(network, dir, options);
    return ledger.proposer();
  }

  private RocksChainStore store() {
    return ledger.store();
  }

  private SignedTransaction recordOf(String name) {
    return registrar.signer(network.chainId()).sign(IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, name, Role.NURSE).der());
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("not completed within " + WAIT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits for a future that must fail, and returns why. */
  private static Throwable failure(CompletableFuture<?> future) {
    return assertThatThrownBy(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).actual().getCause();
  }

  private static RejectionCode rejection(CompletableFuture<Receipt> future) {
    Throwable cause = failure(future);
    assertThat(cause).isInstanceOf(TransactionRejectedException.class);
    return ((TransactionRejectedException) cause).code();
  }

  @Test
  void aFullBatchBecomesOneBlockWhoseReceiptsVerifyAgainstTheGenesisOnceFinal() {
    Proposer proposer = start(TENS);
    List<SignedTransaction> batch = new ArrayList<>();
    List<CompletableFuture<Receipt>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(recordOf("nurse-" + i));
      futures.add(proposer.submit(batch.get(i)));
    }

    for (int i = 0; i < 10; i++) {
      Receipt receipt = await(futures.get(i));
      assertThat(receipt.transaction()).isEqualTo(batch.get(i));
      assertThat(receipt.height()).isEqualTo(1);
      assertThat(receipt.transactionProof().leafIndex()).isEqualTo(i);
      assertThat(receipt.result().success()).isTrue();
    }
    assertThat(store().height()).isEqualTo(1);
    Block block = store().block(1).orElseThrow();
    assertThat(block.transactions()).containsExactlyElementsOf(batch);
    assertThat(block.header().proposer()).isEqualTo(TestNetwork.VALIDATOR);
    assertThat(proposer.pending()).isZero();

    // The validator's own seal arrives through the log after the block: then the block is final.
    await(ledger.events().of(1));
    List<BlockSeal> seals = store().seals(1);
    assertThat(seals).extracting(BlockSeal::validator).containsExactly(TestNetwork.VALIDATOR);
    BlockReceipts receipts = new BlockReceipts(block, seals);
    ReceiptVerifier verifier = new ReceiptVerifier(network.genesis());
    for (SignedTransaction tx : batch) {
      ReceiptVerifier.Outcome outcome = verifier.verify(receipts.of(tx.id()).orElseThrow());
      assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    }
  }

  @Test
  void aBlockNeverHoldsMoreThanMaxTransactions() {
    Proposer proposer = start(TENS);
    List<CompletableFuture<Receipt>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(proposer.submit(recordOf("nurse-" + i)));
    }

    futures.forEach(ProposerTest::await);
    assertThat(store().height()).isEqualTo(2);
    assertThat(store().header(1).orElseThrow().transactionCount()).isEqualTo(10);
    assertThat(store().header(2).orElseThrow().transactionCount()).isEqualTo(10);
  }

  @Test
  void aLoneTransactionIsCutAfterMaxDelay() {
    Proposer proposer = start(PROMPT);

    Receipt receipt = await(proposer.submit(recordOf("alice")));

    assertThat(receipt.height()).isEqualTo(1);
    assertThat(receipt.header().transactionCount()).isEqualTo(1);
  }

  @Test
  void aTransactionRefusedAtAdmissionFailsAtOnceAndIsNeverQueued() {
    Proposer proposer = start(NEVER);
    SignedTransaction foreign = registrar.signer("medledger-elsewhere").sign(IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "bob", Role.NURSE).der());
    SignedTransaction good = recordOf("carol");
    SignedTransaction forged = new SignedTransaction(good.body(),
        SignatureScheme.ECDSA_P256_SHA256.signer(registrar.keys()).sign(new byte[] {1}));
    SignedTransaction stranger = network.issue(TestNetwork.ORG, "dave", Role.PATIENT).signer(network.chainId())
        .sign(EchoContract.ECHO, new byte[] {1});

    CompletableFuture<Receipt> wrongChain = proposer.submit(foreign);
    CompletableFuture<Receipt> badSignature = proposer.submit(forged);
    CompletableFuture<Receipt> unknownCertificate = proposer.submit(stranger);

    assertThat(List.of(wrongChain, badSignature, unknownCertificate))
        .allMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(rejection(wrongChain)).isEqualTo(RejectionCode.WRONG_CHAIN);
    assertThat(rejection(badSignature)).isEqualTo(RejectionCode.BAD_SIGNATURE);
    assertThat(rejection(unknownCertificate)).isEqualTo(RejectionCode.UNKNOWN_CERTIFICATE);
    assertThat(proposer.pending()).isZero();
    assertThat(store().height()).isZero();
  }

  @Test
  void aCopyOfAWaitingTransactionIsAReplay() {
    Proposer proposer = start(NEVER);
    SignedTransaction tx = recordOf("alice");
    CompletableFuture<Receipt> first = proposer.submit(tx);
    CompletableFuture<Receipt> copy = proposer.submit(tx);

    assertThat(copy).isCompletedExceptionally();
    assertThat(rejection(copy)).isEqualTo(RejectionCode.REPLAY);
    assertThat(first).isNotDone();
    assertThat(proposer.pending()).isEqualTo(1);
  }

  @Test
  void aCommittedTransactionSubmittedAgainIsAReplay() {
    Proposer proposer = start(PROMPT);
    SignedTransaction tx = recordOf("alice");
    await(proposer.submit(tx));

    CompletableFuture<Receipt> again = proposer.submit(tx);

    assertThat(again).isCompletedExceptionally();
    assertThat(rejection(again)).isEqualTo(RejectionCode.REPLAY);
    assertThat(store().height()).isEqualTo(1);
  }

  @Test
  void aReplayThatSlipsPastAdmissionIsLeftOutOfItsBlockAndFails() {
    Proposer proposer = start(new NodeConfig.Batch(2, 10_000));
    SignedTransaction early = recordOf("alice");
    CompletableFuture<Receipt> slipped = proposer.submit(early);
    // Meanwhile the same transaction reaches the chain without this proposer hearing of it, as in
    // the race where its block is applied between the admission check and the queueing.
    ExecutedBlock elsewhere = new BlockExecutor(network.chainId(), ledger.rules().contracts(),
        ledger.rules().identities(), ledger.rules().maxTransactionBytes())
        .execute(store(), List.of(early), Instant.now(), "elsewhere");
    store().append(elsewhere.block(), elsewhere.changes());

    Receipt other = await(proposer.submit(recordOf("bob")));

    assertThat(rejection(slipped)).isEqualTo(RejectionCode.REPLAY);
    assertThat(other.height()).isEqualTo(2);
    assertThat(store().block(2).orElseThrow().transactions()).doesNotContain(early);
    assertThat(store().locate(early.id())).contains(new TransactionLocation(1, 0));
    assertThat(proposer.pending()).isZero();
  }

  @Test
  void aWaitingTransactionCommittedByAnotherProposalGetsThatBlocksReceiptAndItsCopyIsLeftOut() {
    Proposer proposer = start(new NodeConfig.Batch(2, 10_000));
    SignedTransaction tx = recordOf("alice");
    CompletableFuture<Receipt> waiting = proposer.submit(tx);
    // The same transaction proposed to the log by someone else (another validator it was also sent to).
    await(ledger.replica().replicate(LogEntryCodec.encode(new LogEntry.TransactionBatch(TestNetwork.VALIDATOR,
        Instant.now(), List.of(tx.encoded())))));

    Receipt receipt = await(waiting);
    Receipt other = await(proposer.submit(recordOf("bob")));

    assertThat(receipt.height()).isEqualTo(1);
    assertThat(receipt.transaction()).isEqualTo(tx);
    assertThat(other.height()).isEqualTo(2);
    assertThat(store().block(2).orElseThrow().transactions()).doesNotContain(tx);
    assertThat(store().locate(tx.id())).contains(new TransactionLocation(1, 0));
    assertThat(proposer.pending()).isZero();
  }

  @Test
  void aTransactionItsContractRefusesIsCommittedWithAFailedResult() {
    Proposer proposer = start(PROMPT);
    TestNetwork.Member alice = network.issue(TestNetwork.ORG, "alice", Role.PATIENT);
    await(proposer.submit(registrar.signer(network.chainId()).sign(IdentityContract.RECORD, alice.der())));

    Receipt receipt = await(proposer.submit(alice.signer(network.chainId()).sign(EchoContract.FAIL, new byte[] {1})));

    assertThat(receipt.result().success()).isFalse();
    assertThat(receipt.result().code()).isEqualTo("test-refused");
    assertThat(receipt.height()).isEqualTo(2);
    assertThat(store().height()).isEqualTo(2);
  }

  @Test
  void aBlockIsNeverTimedBeforeItsPredecessor() {
    Instant genesisTime = network.genesis().createdAt();
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(PROMPT).maxPending(100)
        .clock(Clock.fixed(genesisTime.minusSeconds(10), ZoneOffset.UTC)));

    Receipt receipt = await(proposer.submit(recordOf("alice")));

    assertThat(receipt.header().timestamp()).isEqualTo(genesisTime);
  }

  @Test
  void aBlockIsTimedByItsProposerNotByTheApplyingNode() {
    Instant proposed = network.genesis().createdAt().plusSeconds(7);
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(PROMPT)
        .clock(Clock.fixed(proposed, ZoneOffset.UTC)));

    Receipt receipt = await(proposer.submit(recordOf("alice")));

    assertThat(receipt.header().timestamp()).isEqualTo(proposed);
  }

  @Test
  void closingFailsWaitingTransactionsWithNodeStoppingAndRefusesNewOnes() {
    Proposer proposer = start(NEVER);
    List<CompletableFuture<Receipt>> waiting = List.of(proposer.submit(recordOf("a")), proposer.submit(recordOf("b")));

    proposer.close();

    for (CompletableFuture<Receipt> future : waiting) {
      assertThat(failure(future)).isInstanceOf(NodeStoppingException.class).hasMessageContaining("stopping");
    }
    assertThat(failure(proposer.submit(recordOf("c")))).isInstanceOf(NodeStoppingException.class);
    assertThat(store().height()).isZero();
    assertThat(proposer.pending()).isZero();
    proposer.close();
  }

  @Test
  void aFullQueueRefusesNewTransactions() {
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(NEVER).maxPending(2));
    CompletableFuture<Receipt> first = proposer.submit(recordOf("a"));
    CompletableFuture<Receipt> second = proposer.submit(recordOf("b"));

    CompletableFuture<Receipt> third = proposer.submit(recordOf("c"));

    assertThat(third).isCompletedExceptionally();
    assertThat(failure(third)).isInstanceOf(NodeOverloadedException.class);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    assertThat(proposer.pending()).isEqualTo(2);
  }

  @Test
  void aBatchTheLogRefusesFailsItsTransactionsAsMaybeCommitted() {
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(PROMPT)
        .proposerLog(log -> entry -> CompletableFuture.failedFuture(new IllegalStateException("no leader"))));

    Throwable failure = failure(proposer.submit(recordOf("a")));

    assertThat(failure).isInstanceOf(BlockCommitException.class).hasMessageContaining("may or may not be on chain");
    assertThat(proposer.pending()).isZero();
    assertThat(store().height()).isZero();
  }

  /**
   * The next batch goes once the previous one is applied here, even if the log's answer to its
   * proposal is late (on a follower it usually comes after the local apply).
   */
  @Test
  void aBatchAppliedHereLetsTheNextBatchGoBeforeTheLogAnswers() {
    List<CompletableFuture<Void>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(PROMPT).proposerLog(log -> entry -> {
      CompletableFuture<Void> late = new CompletableFuture<>();
      log.replicate(entry).whenComplete((ok, failure) -> answers.add(late)); // the answer is held back
      return late;
    }));

    Receipt first = await(proposer.submit(recordOf("a")));
    Receipt second = await(proposer.submit(recordOf("b")));

    assertThat(second.height()).isEqualTo(first.height() + 1);
    assertThat(answers).as("no answer was handed to the proposer").allMatch(answer -> !answer.isDone());
    answers.forEach(answer -> answer.complete(null));
  }

  @Test
  void aStorageFailureFailsTheBatchPromptlyAsMaybeCommittedAndStoresNothing() {
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(PROMPT)
        .appliedStore(real -> new FailingAppends(real, Integer.MAX_VALUE)));

    // The entry is committed by the log but cannot be applied here: the validator stops, and the
    // client learns that its transaction may or may not be on chain (the others may have it).
    Throwable failure = failure(proposer.submit(recordOf("a")));

    assertThat(failure).isInstanceOfAny(BlockCommitException.class, NodeStoppingException.class)
        .hasMessageContaining("may or may not be on chain");
    assertThat(store().height()).isZero();
    assertThat(store().appliedIndex()).as("the failed entry is not recorded as applied").isEqualTo(-1);
    assertThat(proposer.pending()).isZero();
  }

  /**
   * After a log entry fails to apply, this validator must apply no later entry: the chain would
   * otherwise diverge from the other validators' (on which the failed entry became the block).
   * Ratis itself goes on applying after a failed entry, so the state machine refuses every later
   * one and the node stops; a restart resumes from the last stored block.
   */
  @Test
  void afterAFailedApplyNoLaterEntryIsAppliedEvenIfTheDiskRecovers() {
    Proposer proposer = start(SoloLedger.Options.DEFAULT.batch(PROMPT)
        .appliedStore(real -> new FailingAppends(real, 1)));
    SignedTransaction lost = recordOf("a");
    assertThat(failure(proposer.submit(lost))).isInstanceOfAny(BlockCommitException.class,
        NodeStoppingException.class);

    CompletableFuture<Receipt> later = proposer.submit(recordOf("b"));
    Receipt committed = later.handle((receipt, error) -> receipt).completeOnTimeout(null, 5, TimeUnit.SECONDS).join();

    assertThat(committed).as("a transaction proposed after the failed entry was committed on this node as block %s",
        committed == null ? null : committed.height()).isNull();
    assertThat(store().height()).isZero();
  }

  /** A replicated store whose first {@code failures} block appends fail as a broken disk would make them. */
  private static final class FailingAppends implements ReplicatedChainStore {
    private final ReplicatedChainStore chain;
    private final AtomicInteger failuresLeft;

    FailingAppends(ReplicatedChainStore chain, int failures) {
      this.chain = chain;
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public void append(Block block, StateChanges changes, long logIndex) {
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new StorageException("block " + block.height() + " could not be written: disk failure");
      }
      chain.append(block, changes, logIndex);
    }

    @Override
    public void append(Block block, StateChanges changes) {
      throw new UnsupportedOperationException("the log applier always gives the log index");
    }

    @Override
    public void addSeal(long height, BlockSeal seal, long logIndex) {
      chain.addSeal(height, seal, logIndex);
    }

    @Override
    public void addSeal(long height, BlockSeal seal) {
      chain.addSeal(height, seal);
    }

    @Override
    public void markApplied(long logIndex) {
      chain.markApplied(logIndex);
    }

    @Override
    public long appliedIndex() {
      return chain.appliedIndex();
    }

    @Override
    public long height() {
      return chain.height();
    }

    @Override
    public Optional<Block> block(long height) {
      return chain.block(height);
    }

    @Override
    public Optional<BlockHeader> header(long height) {
      return chain.header(height);
    }

    @Override
    public Optional<TransactionLocation> locate(Digest transactionId) {
      return chain.locate(transactionId);
    }

    @Override
    public List<BlockSeal> seals(long height) {
      return chain.seals(height);
    }

    @Override
    public StateView state() {
      return chain.state();
    }

    @Override
    public void close() {
      // the ledger closes the real store
    }
  }
}
