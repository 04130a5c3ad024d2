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
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.chain.MutableChain;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.ReceiptVerifier;
import org.medledger.ledger.state.StateChanges;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.RejectionCode;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.EchoContract;
import org.medledger.node.TestNetwork;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.Role;

/** The block cutter on a real chain store: admission, batching, receipts, replays, stopping. */
@Timeout(120)
class BlockProducerTest {
  /** Cut only at 10 waiting transactions (or after 10 s, which no test waits for). */
  private static final NodeConfig.Batch TENS = new NodeConfig.Batch(10, 10_000);
  /** Never cut while a test runs. */
  private static final NodeConfig.Batch NEVER = new NodeConfig.Batch(100_000, 10_000);

  @TempDir Path dir;

  private final TestNetwork network = new TestNetwork();
  private final TestNetwork.Member registrar = network.registrar(TestNetwork.ORG);
  private RocksChainStore store;
  private BlockProducer producer;

  @BeforeEach
  void openStoreWithGenesis() {
    store = RocksChainStore.open(dir.resolve("data"));
    ExecutedBlock genesis = GenesisBlock.of(network.genesis());
    store.append(genesis.block(), genesis.changes());
  }

  @AfterEach
  void close() {
    if (producer != null) {
      producer.close();
    }
    store.close();
  }

  private ChainRules rules() {
    IdentityDirectory identities = new IdentityDirectory();
    return new ChainRules(network.chainId(),
        new ContractRegistry(List.of(new IdentityContract(identities), new EchoContract())), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
  }

  private BlockProducer start(NodeConfig.Batch batch) {
    return start(store, batch, BlockProducer.DEFAULT_MAX_PENDING, Clock.systemUTC());
  }

  private BlockProducer start(MutableChain chain, NodeConfig.Batch batch, int maxPending, Clock clock) {
    producer = BlockProducer.start(chain, rules(), new ValidatorKey(TestNetwork.VALIDATOR,
        SignatureScheme.ECDSA_P256_SHA256.signer(network.validator().keys())), batch, maxPending, clock);
    return producer;
  }

  private SignedTransaction recordOf(String name) {
    return registrar.signer(network.chainId()).sign(IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, name, Role.NURSE).der());
  }

  /** Waits for a future that must fail, and returns why. */
  private static Throwable failure(CompletableFuture<Receipt> future) {
    return assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).actual().getCause();
  }

  private static RejectionCode rejection(CompletableFuture<Receipt> future) {
    Throwable cause = failure(future);
    assertThat(cause).isInstanceOf(TransactionRejectedException.class);
    return ((TransactionRejectedException) cause).code();
  }

  @Test
  void aFullBatchBecomesOneSealedBlockWhoseReceiptsVerifyAgainstTheGenesis() {
    start(TENS);
    List<SignedTransaction> batch = new ArrayList<>();
    List<CompletableFuture<Receipt>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(recordOf("nurse-" + i));
      futures.add(producer.submit(batch.get(i)));
    }

    ReceiptVerifier verifier = new ReceiptVerifier(network.genesis());
    for (int i = 0; i < 10; i++) {
      Receipt receipt = futures.get(i).join();
      assertThat(receipt.transaction()).isEqualTo(batch.get(i));
      assertThat(receipt.height()).isEqualTo(1);
      assertThat(receipt.transactionProof().leafIndex()).isEqualTo(i);
      assertThat(receipt.result().success()).isTrue();
      assertThat(receipt.seals()).extracting(BlockSeal::validator).containsExactly(TestNetwork.VALIDATOR);
      assertThat(verifier.verify(receipt).valid()).as(verifier.verify(receipt).reason()).isTrue();
    }
    assertThat(store.height()).isEqualTo(1);
    assertThat(store.block(1).orElseThrow().transactions()).containsExactlyElementsOf(batch);
    assertThat(store.block(1).orElseThrow().header().proposer()).isEqualTo(TestNetwork.VALIDATOR);
    assertThat(producer.pending()).isZero();
  }

  @Test
  void aBlockNeverHoldsMoreThanMaxTransactions() {
    start(TENS);
    List<CompletableFuture<Receipt>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(producer.submit(recordOf("nurse-" + i)));
    }

    futures.forEach(CompletableFuture::join);
    assertThat(store.height()).isEqualTo(2);
    assertThat(store.header(1).orElseThrow().transactionCount()).isEqualTo(10);
    assertThat(store.header(2).orElseThrow().transactionCount()).isEqualTo(10);
  }

  @Test
  void aLoneTransactionIsCutAfterMaxDelay() {
    start(new NodeConfig.Batch(1000, 1));

    Receipt receipt = producer.submit(recordOf("alice")).join();

    assertThat(receipt.height()).isEqualTo(1);
    assertThat(receipt.header().transactionCount()).isEqualTo(1);
  }

  @Test
  void aTransactionRefusedAtAdmissionFailsAtOnceAndIsNeverQueued() {
    start(NEVER);
    SignedTransaction foreign = registrar.signer("medledger-elsewhere").sign(IdentityContract.RECORD,
        network.issue(TestNetwork.ORG, "bob", Role.NURSE).der());
    SignedTransaction good = recordOf("carol");
    SignedTransaction forged = new SignedTransaction(good.body(),
        SignatureScheme.ECDSA_P256_SHA256.signer(registrar.keys()).sign(new byte[] {1}));
    SignedTransaction stranger = network.issue(TestNetwork.ORG, "dave", Role.PATIENT).signer(network.chainId())
        .sign(EchoContract.ECHO, new byte[] {1});

    CompletableFuture<Receipt> wrongChain = producer.submit(foreign);
    CompletableFuture<Receipt> badSignature = producer.submit(forged);
    CompletableFuture<Receipt> unknownCertificate = producer.submit(stranger);

    assertThat(List.of(wrongChain, badSignature, unknownCertificate))
        .allMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(rejection(wrongChain)).isEqualTo(RejectionCode.WRONG_CHAIN);
    assertThat(rejection(badSignature)).isEqualTo(RejectionCode.BAD_SIGNATURE);
    assertThat(rejection(unknownCertificate)).isEqualTo(RejectionCode.UNKNOWN_CERTIFICATE);
    assertThat(producer.pending()).isZero();
    assertThat(store.height()).isZero();
  }

  @Test
  void aCopyOfAWaitingTransactionIsAReplay() {
    start(NEVER);
    SignedTransaction tx = recordOf("alice");
    CompletableFuture<Receipt> first = producer.submit(tx);
    CompletableFuture<Receipt> copy = producer.submit(tx);

    assertThat(copy).isCompletedExceptionally();
    assertThat(rejection(copy)).isEqualTo(RejectionCode.REPLAY);
    assertThat(first).isNotDone();
    assertThat(producer.pending()).isEqualTo(1);
  }

  @Test
  void aCommittedTransactionSubmittedAgainIsAReplay() {
    start(new NodeConfig.Batch(1000, 1));
    SignedTransaction tx = recordOf("alice");
    producer.submit(tx).join();

    assertThat(rejection(producer.submit(tx))).isEqualTo(RejectionCode.REPLAY);
    assertThat(store.height()).isEqualTo(1);
  }

  @Test
  void aReplayThatSlipsPastAdmissionIsLeftOutOfItsBlockAndFails() {
    start(new NodeConfig.Batch(2, 10_000));
    SignedTransaction early = recordOf("alice");
    CompletableFuture<Receipt> slipped = producer.submit(early);
    // Meanwhile the same transaction reaches the chain another way (as a racing copy would).
    IdentityDirectory identities = new IdentityDirectory();
    ExecutedBlock elsewhere = new BlockExecutor(network.chainId(),
        new ContractRegistry(List.of(new IdentityContract(identities))), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES).execute(store, List.of(early), Instant.now(), "elsewhere");
    store.append(elsewhere.block(), elsewhere.changes());

    Receipt other = producer.submit(recordOf("bob")).join();

    assertThat(rejection(slipped)).isEqualTo(RejectionCode.REPLAY);
    assertThat(other.height()).isEqualTo(2);
    assertThat(store.block(2).orElseThrow().transactions()).doesNotContain(early);
    assertThat(store.locate(early.id())).contains(new TransactionLocation(1, 0));
  }

  @Test
  void aTransactionItsContractRefusesIsCommittedWithAFailedResult() {
    start(new NodeConfig.Batch(1000, 1));
    TestNetwork.Member alice = network.issue(TestNetwork.ORG, "alice", Role.PATIENT);
    producer.submit(registrar.signer(network.chainId()).sign(IdentityContract.RECORD, alice.der())).join();

    Receipt receipt = producer.submit(alice.signer(network.chainId()).sign(EchoContract.FAIL, new byte[] {1})).join();

    assertThat(receipt.result().success()).isFalse();
    assertThat(receipt.result().code()).isEqualTo("test-refused");
    assertThat(store.height()).isEqualTo(2);
  }

  @Test
  void aBlockIsNeverTimedBeforeItsPredecessor() {
    Instant genesisTime = network.genesis().createdAt();
    start(store, new NodeConfig.Batch(1000, 1), 100, Clock.fixed(genesisTime.minusSeconds(10), ZoneOffset.UTC));

    Receipt receipt = producer.submit(recordOf("alice")).join();

    assertThat(receipt.header().timestamp()).isEqualTo(genesisTime);
  }

  @Test
  void closingFailsWaitingTransactionsWithNodeStoppingAndRefusesNewOnes() {
    start(NEVER);
    List<CompletableFuture<Receipt>> waiting = List.of(producer.submit(recordOf("a")), producer.submit(recordOf("b")));

    producer.close();

    for (CompletableFuture<Receipt> future : waiting) {
      assertThat(failure(future)).isInstanceOf(NodeStoppingException.class).hasMessageContaining("stopping");
    }
    assertThat(failure(producer.submit(recordOf("c")))).isInstanceOf(NodeStoppingException.class);
    assertThat(store.height()).isZero();
    assertThat(producer.pending()).isZero();
    producer.close();
  }

  @Test
  void aFullQueueRefusesNewTransactions() {
    start(store, NEVER, 2, Clock.systemUTC());
    CompletableFuture<Receipt> first = producer.submit(recordOf("a"));
    CompletableFuture<Receipt> second = producer.submit(recordOf("b"));

    CompletableFuture<Receipt> third = producer.submit(recordOf("c"));

    assertThat(third).isCompletedExceptionally();
    assertThat(failure(third)).isInstanceOf(NodeOverloadedException.class);
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    assertThat(producer.pending()).isEqualTo(2);
  }

  @Test
  void aStorageFailureFailsTheBatchAndStopsProduction() {
    start(new FailingAppends(store), new NodeConfig.Batch(1000, 1), 100, Clock.systemUTC());

    assertThat(failure(producer.submit(recordOf("a")))).isInstanceOf(BlockCommitException.class)
        .hasMessageContaining("may or may not be on chain");
    assertThat(failure(producer.submit(recordOf("b")))).isInstanceOf(NodeStoppingException.class);
    assertThat(store.height()).isZero();
  }

  /** A chain whose appends fail as a broken disk would make them. */
  private static final class FailingAppends implements MutableChain {
    private final MutableChain chain;

    FailingAppends(MutableChain chain) {
      this.chain = chain;
    }

    @Override
    public void append(Block block, StateChanges changes) {
      throw new StorageException("block " + block.height() + " could not be written: disk failure");
    }

    @Override
    public void addSeal(long height, BlockSeal seal) {
      chain.addSeal(height, seal);
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
      // the test closes the real store
    }
  }
}
