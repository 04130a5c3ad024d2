package org.medledger.node.verify;

import org.medledger.contracts.HealthContracts;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.governance.GovernanceKeys;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;
import org.medledger.node.storage.StorageException;
import org.medledger.node.storage.StorageLayout;
import org.medledger.node.storage.rocksdb.RocksChainStore;

/**
 * Re-checks a node's whole data directory against the genesis file, trusting nothing the store
 * says about itself. The store is opened read-only (RocksDB verifies every file's checksums) and
 * its raw columns are read; nothing is written.
 *
 * <p>Walking the blocks from height 0 in order, each block must: decode canonically; sit at the
 * next height (no gap up to the stored head); have its stored header equal to its own; be the
 * genesis block derived from the genesis file (block 0) or link to the previous block's hash,
 * name the chain and not go back in time; match its header's transactions root, results root and
 * count; have every transaction indexed at exactly its block and position; and have every stored
 * seal made over its header by a validator of the set in force at its height — the genesis
 * validators, or the set that governance installed before it, as the replayed state records it
 * ({@code ValidatorHistory.at(height)} of the state after the block before). Then it is
 * <b>re-executed</b> with a fresh
 * {@link BlockExecutor} (the chain's contracts, a fresh {@link IdentityDirectory}, the default
 * size limit) on the state replayed from genesis, at the block's own timestamp and proposer, and
 * the re-executed header must hash to the stored one: this re-checks every signature, each
 * signer's certificate at its block time against revocations on chain, roles, and every contract
 * result and state change. After the last block, nothing may be stored beside the chain (headers,
 * seals or index entries of no block), and the stored world state must equal the replayed one
 * entry by entry.
 *
 * <p>Blocks are streamed: one thread reads and checks them while the caller's thread re-executes
 * them, with at most 64 blocks or 16 MiB of them in between. The signatures of the next blocks
 * are checked on all cores while a block is re-executed (see {@link SignaturesAhead}), and handed
 * to the executor, so each signature is verified once and the cores do not idle while a block is
 * applied in order; the seals of those blocks are verified alongside against the validator set
 * replayed so far, and verified again only if a block in between changed it (see
 * {@link SealChecks}). Only the replayed world state (and, per state key, the height that
 * last wrote it) stays in memory; the validator history is decoded again only when a block
 * writes it. Seals are checked where stored; a block without seals is not
 * an error (seals arrive after their block). A store in use by a running node can be verified:
 * the check sees the chain as of the moment it starts.
 *
 * <p>Instances are immutable and may verify several directories, one after another or at once.
 */
public final class ChainVerifier {
  /** Blocks read ahead of re-execution, at most. */
  private static final int READ_AHEAD_BLOCKS = 64;
  /** Encoded bytes of the blocks read ahead of re-execution, at most (but always one block). */
  private static final long READ_AHEAD_BYTES = 16L << 20;
  /**
   * Blocks whose signature checks run ahead of re-execution, at most (counting the one about to be
   * re-executed).
   */
  private static final int SIGNATURES_AHEAD_BLOCKS = 3;

  private final Genesis genesis;
  private final ExecutedBlock genesisBlock;
  private final Function<IdentityDirectory, ContractRegistry> contracts;

  /**
   * A verifier for chains of this genesis, re-executing with the contracts a node runs (identity
   * and governance: {@link ConsortiumContracts}; consent, relationships and access: {@link
   * HealthContracts}).
   */
  public ChainVerifier(Genesis genesis) {
    this(genesis, identities -> ConsortiumContracts.of(genesis, identities, HealthContracts.all()));
  }

  /**
   * A verifier re-executing with the given contracts, built around the verifier's own identity
   * directory: they must be the contracts the chain was produced with.
   *
   * @throws IllegalArgumentException if the genesis is not valid (block 0 cannot be derived from it)
   */
  public ChainVerifier(Genesis genesis, Function<IdentityDirectory, ContractRegistry> contracts) {
    this.genesis = Objects.requireNonNull(genesis, "genesis");
    this.contracts = Objects.requireNonNull(contracts, "contracts");
    this.genesisBlock = GenesisBlock.of(genesis);
  }

  /**
   * Verifies the chain store in a data directory. Never throws for anything found in the
   * directory: a missing, empty or damaged directory is {@link ChainReport.Unreadable}, anything
   * that fails a check is {@link ChainReport.Tampered} at the first bad height.
   */
  public ChainReport verify(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    try (RocksChainStore store = RocksChainStore.openReadOnly(directory)) {
      if (store.height() < 0) {
        return new ChainReport.Unreadable(directory, "data directory " + directory
            + " holds an empty chain store (not even a genesis block)");
      }
      return new Run(directory, store.raw(), store.height()).verify();
    } catch (StorageException e) {
      return new ChainReport.Unreadable(directory, e.getMessage());
    }
  }

  /** One verification of one store. */
  private final class Run {
    private final Path directory;
    private final RawLedgerStorage raw;
    private final long head;
    private long blocks;
    private long transactions;
    private long failed;
    private long seals;
    private long stateEntries;
    /** The validator history of the replayed state (re-read only when a block writes it). */
    private ValidatorHistory validators;

    Run(Path directory, RawLedgerStorage raw, long head) {
      this.directory = directory;
      this.raw = raw;
      this.head = head;
    }

    ChainReport verify() {
      BlockingQueue<BlockWalk.Step> queue = new ArrayBlockingQueue<>(READ_AHEAD_BLOCKS);
      BlockWalk walk = new BlockWalk(raw, head, genesisBlock.block().header(), queue, READ_AHEAD_BYTES);
      Thread reader = new Thread(walk, "verify-chain-reader");
      reader.setDaemon(true);
      reader.start();
      try {
        return replay(walk);
      } finally {
        walk.cancel();
        joinUninterruptibly(reader);
      }
    }

    private ChainReport replay(BlockWalk walk) {
      IdentityDirectory identities = new IdentityDirectory();
      BlockExecutor executor = new BlockExecutor(genesis.chainId(), contracts.apply(identities), identities,
          ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
      ReplayChain chain = new ReplayChain(genesisBlock, this::indexed);
      validators = ValidatorHistory.read(chain.state()).orElseGet(() -> ValidatorHistory.of(genesis));
      ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
      try {
        return replay(executor, chain, new Lookahead(walk, identities, pool, chain, () -> validators));
      } finally {
        pool.shutdownNow();
      }
    }

    private ChainReport replay(BlockExecutor executor, ReplayChain chain, Lookahead lookahead) {
      while (true) {
        Ahead ahead = lookahead.next();
        BlockWalk.Step step = ahead.step();
        if (step instanceof BlockWalk.Broken broken) {
          return tampered(broken.finding());
        }
        if (step instanceof BlockWalk.Crashed crashed) {
          throw crashed.rethrow();
        }
        if (step instanceof BlockWalk.Finished) {
          break;
        }
        BlockWalk.Checked checked = (BlockWalk.Checked) step;
        Block block = checked.block();
        if (checked.problem() != null) {
          String detail = Diagnosis.firstResultDifference(block, execute(executor, chain, block, null).block())
              .map(d -> "; " + d).orElse("");
          return tampered(new Finding(checked.problem().height(), checked.problem().reason() + detail));
        }
        Finding seal = ahead.seals().check(validators);
        if (seal != null) {
          return tampered(seal);
        }
        seals += ahead.seals().count();
        if (block.height() > 0) {
          Set<Digest> ids = new HashSet<>();
          block.transactions().forEach(tx -> ids.add(tx.id()));
          chain.expect(ids); // the walk found each one's index entry pointing at this block
          ExecutedBlock executed = execute(executor, chain, block, ahead.signatures());
          if (!executed.block().header().hash().equals(block.header().hash())) {
            return tampered(new Finding(block.height(), Diagnosis.explain(block, executed.block())));
          }
          chain.append(executed.block(), executed.changes());
          if (executed.changes().writes().containsKey(GovernanceKeys.VALIDATORS)) {
            Finding history = readValidators(chain, block.height());
            if (history != null) {
              return tampered(history);
            }
          }
        }
        count(block);
      }
      Finding end = sweep(chain);
      return end == null ? new ChainReport.Intact(directory, head, counts()) : tampered(end);
    }

    /** Re-reads the validator history after a block that wrote it. */
    private Finding readValidators(ReplayChain chain, long height) {
      try {
        Optional<ValidatorHistory> history = ValidatorHistory.read(chain.state());
        if (history.isEmpty()) {
          return new Finding(height, "block " + height + " deletes the validator history from the state");
        }
        validators = history.get();
        return null;
      } catch (MalformedEncodingException e) {
        return new Finding(height, "block " + height + " leaves a damaged validator history in the state: "
            + Texts.clean(e.getMessage()));
      }
    }

    private ExecutedBlock execute(BlockExecutor executor, ReplayChain chain, Block block, SignaturesAhead signatures) {
      List<SignedTransaction> batch = block.transactions();
      return executor.execute(chain, batch, block.header().timestamp(), block.header().proposer(),
          signatures == null ? BlockExecutor.SignatureChecks.NONE : signatures.await());
    }

    private Finding sweep(ReplayChain chain) {
      StoreSweep sweep = new StoreSweep(raw, head);
      Finding found = sweep.strays(Column.BLOCKS, "a block");
      found = Finding.lower(found, sweep.strays(Column.HEADERS, "a header"));
      found = Finding.lower(found, sweep.straySeals());
      found = Finding.lower(found, sweep.extraIndexEntries(transactions));
      found = Finding.lower(found, sweep.state(chain));
      if (found == null) {
        stateEntries = chain.stateEntries().size();
      }
      return found;
    }

    private void count(Block block) {
      blocks++;
      transactions += block.transactions().size();
      failed += block.results().stream().filter(r -> !r.success()).count();
    }

    private ChainCounts counts() {
      return new ChainCounts(blocks, transactions, failed, seals, stateEntries);
    }

    private ChainReport tampered(Finding finding) {
      return new ChainReport.Tampered(directory, finding.height(), finding.reason(), counts());
    }

    /** The stored index entry of a transaction, if it holds a location. */
    private Optional<TransactionLocation> indexed(Digest id) {
      return raw.raw(Column.TX_INDEX, StorageLayout.transactionKey(id)).flatMap(bytes -> {
        try {
          return Optional.of(StorageLayout.location(bytes));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      });
    }
  }

  /**
   * A step of the walk, with the signature checks started for its block's transactions (null if
   * none) and for its seals (null unless the step is a block that passed the walk's checks).
   */
  private record Ahead(BlockWalk.Step step, SignaturesAhead signatures, SealChecks seals) {}

  /**
   * Takes the walk's steps up to {@value #SIGNATURES_AHEAD_BLOCKS} blocks ahead of re-execution,
   * starting each block's signature checks on the pool as it is taken. Only called on the
   * re-executing thread, between blocks (so the replayed state it reads does not change meanwhile).
   */
  private static final class Lookahead {
    private final BlockWalk walk;
    private final IdentityDirectory identities;
    private final ForkJoinPool pool;
    private final ReplayChain chain;
    private final Supplier<ValidatorHistory> validators;
    private final ArrayDeque<Ahead> taken = new ArrayDeque<>();
    /** The walk handed over its last step: taking another would wait forever. */
    private boolean ended;

    Lookahead(BlockWalk walk, IdentityDirectory identities, ForkJoinPool pool, ReplayChain chain,
        Supplier<ValidatorHistory> validators) {
      this.walk = walk;
      this.validators = validators;
      this.identities = identities;
      this.pool = pool;
      this.chain = chain;
    }

    /**
     * The next step, in order (waiting for it); then starts the checks of the blocks after it
     * that the walk has already handed over, without waiting for more.
     */
    Ahead next() {
      if (taken.isEmpty()) {
        add(take(walk));
      }
      Ahead next = taken.poll();
      while (!ended && taken.size() < SIGNATURES_AHEAD_BLOCKS - 1) {
        BlockWalk.Step step = walk.poll();
        if (step == null) {
          break;
        }
        add(step);
      }
      return next;
    }

    private void add(BlockWalk.Step step) {
      SignaturesAhead signatures = null;
      SealChecks seals = null;
      if (step instanceof BlockWalk.Checked checked && checked.problem() == null) {
        long height = checked.block().height();
        seals = SealChecks.start(checked.block().header(), checked.seals(), validators.get().at(height), pool);
        if (height > 0) {
          signatures = SignaturesAhead.start(checked.block().transactions(), identities, pool, chain.state());
        }
      } else {
        ended = true; // a failure, a crash or the end: the walk hands over nothing after it
      }
      taken.add(new Ahead(step, signatures, seals));
    }
  }

  private static BlockWalk.Step take(BlockWalk walk) {
    try {
      return walk.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("verification was interrupted");
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
