package org.medledger.node.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medledger.crypto.Signer;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.ValidatorChanges;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.Role;

/**
 * A real chain in a RocksDB data directory whose validator set changes through governance,
 * produced by the block executor with the consortium's contracts. Three organisations (a majority
 * is 2), one genesis validator each (validator-1 of st-mary, validator-2 of city-clinic,
 * validator-3 of north-lab; quorum 2). Blocks, each stored with the seals listed:
 *
 * <ol start="0">
 *   <li>genesis (validator-1);
 *   <li>city-clinic enrols validator-4 (identity and certificate) (1, 2);
 *   <li>city-clinic proposes adding validator-4 (1, 2);
 *   <li>st-mary approves: validator-4 seals from block 4; quorum 3 of 4 (1, 2, 3);
 *   <li>st-mary records patient-bob (1, 2, 4);
 *   <li>st-mary proposes removing validator-3 (1, 2, 3, 4);
 *   <li>city-clinic approves: from block 7, validators 1, 2 and 4; quorum 2 (1, 2, 3, 4);
 *   <li>st-mary records patient-eve (1, 2, 4);
 *   <li>st-mary records patient-joe (1, 4).
 * </ol>
 */
final class GovernedChain {
  static final String ST_MARY = "st-mary";
  static final String CITY_CLINIC = "city-clinic";
  static final String NORTH_LAB = "north-lab";
  /** The block that adds validator-4, and the one that removes validator-3. */
  static final long ADDED_AT = 3;
  static final long REMOVED_AT = 6;

  final TestConsortium consortium = TestConsortium.of(List.of(ST_MARY, CITY_CLINIC, NORTH_LAB), 3);
  final Path directory;
  final List<Block> blocks = new ArrayList<>();
  final ValidatorChanges.Candidate validator4;
  final Map<String, Signer> sealers = new HashMap<>();
  private final BlockExecutor executor;
  private Instant clock = TestConsortium.GENESIS_TIME;

  private GovernedChain(Path directory) {
    this.directory = directory;
    IdentityDirectory identities = new IdentityDirectory();
    this.executor = new BlockExecutor(TestConsortium.CHAIN_ID,
        ConsortiumContracts.of(consortium.genesis(), identities, List.of()), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    for (int i = 0; i < 3; i++) {
      sealers.put("validator-" + (i + 1), consortium.validators().get(i).signing());
    }
    validator4 = ValidatorChanges.candidate(consortium, CITY_CLINIC, "validator-4", "validator-4.example:7004");
    sealers.put("validator-4", validator4.member().signing());
  }

  /** Builds the chain described above in {@code directory} and closes the store. */
  static GovernedChain build(Path directory) {
    GovernedChain chain = new GovernedChain(directory);
    chain.produce();
    return chain;
  }

  private void produce() {
    TestConsortium.Member stMary = consortium.registrar(ST_MARY);
    try (RocksChainStore store = RocksChainStore.open(directory)) {
      append(store, GenesisBlock.of(consortium.genesis()), "validator-1");
      commit(store, List.of("validator-1", "validator-2"),
          ValidatorChanges.enrol(consortium, validator4).toArray(SignedTransaction[]::new));
      SignedTransaction add = ValidatorChanges.proposeAdd(consortium, validator4);
      commit(store, List.of("validator-1", "validator-2"), add);
      commit(store, List.of("validator-1", "validator-2", "validator-3"),
          ValidatorChanges.approve(consortium, ST_MARY, add));
      commit(store, List.of("validator-1", "validator-2", "validator-4"),
          TestChain.record(stMary, consortium.issue(ST_MARY, "patient-bob", Role.PATIENT)));
      SignedTransaction remove = ValidatorChanges.proposeRemove(consortium, ST_MARY, "validator-3");
      commit(store, List.of("validator-1", "validator-2", "validator-3", "validator-4"), remove);
      commit(store, List.of("validator-1", "validator-2", "validator-3", "validator-4"),
          ValidatorChanges.approve(consortium, CITY_CLINIC, remove));
      commit(store, List.of("validator-1", "validator-2", "validator-4"),
          TestChain.record(stMary, consortium.issue(ST_MARY, "patient-eve", Role.PATIENT)));
      commit(store, List.of("validator-1", "validator-4"),
          TestChain.record(stMary, consortium.issue(ST_MARY, "patient-joe", Role.PATIENT)));
    }
  }

  private void commit(RocksChainStore store, List<String> sealedBy, SignedTransaction... transactions) {
    clock = clock.plus(Duration.ofMinutes(1));
    ExecutedBlock executed = executor.execute(store, List.of(transactions), clock, "validator-1");
    executed.block().results().forEach(r -> {
      if (!r.success()) {
        throw new IllegalStateException("block " + executed.block().height() + ": " + r.code() + " " + r.message());
      }
    });
    append(store, executed, sealedBy.toArray(String[]::new));
  }

  private void append(RocksChainStore store, ExecutedBlock executed, String... sealedBy) {
    store.append(executed.block(), executed.changes());
    for (String validator : sealedBy) {
      store.addSeal(executed.block().height(), seal(validator, executed.block().header()));
    }
    blocks.add(executed.block());
  }

  /** A validator's seal over a header, signed with its real key. */
  BlockSeal seal(String validator, BlockHeader header) {
    return BlockSeal.sign(validator, sealers.get(validator), header);
  }

  Block block(long height) {
    return blocks.get((int) height);
  }

  long head() {
    return blocks.size() - 1;
  }
}
