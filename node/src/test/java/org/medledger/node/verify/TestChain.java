package org.medledger.node.verify;

import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/**
 * A real chain in a RocksDB data directory, produced by the block executor with the identity
 * contract and sealed by the validator. Blocks (a minute apart):
 *
 * <ol start="0">
 *   <li>genesis;
 *   <li>st-mary's admin records dr-alice (physician) and clerk (a second registrar); city-clinic's
 *       admin records nurse-carol;
 *   <li>clerk records patient-bob (ok); dr-alice tries to record patient-eve (role-not-allowed);
 *   <li>st-mary's admin revokes clerk (ok); city-clinic's admin tries to revoke dr-alice
 *       (foreign-organisation);
 *   <li>clerk, now revoked, tries to record patient-eve (certificate-revoked); st-mary's admin
 *       records patient-eve (ok);
 *   <li>a stranger whose certificate is not on chain tries to record someone (unknown-certificate).
 * </ol>
 */
final class TestChain {
  static final String VALIDATOR = "validator-1";
  /** The height of the block that revokes clerk, and so last writes clerk's certificate entry. */
  static final long REVOCATION_HEIGHT = 3;

  final TestConsortium consortium;
  final Path directory;
  final List<Block> blocks = new ArrayList<>();
  final TestConsortium.Member clerk;
  private final BlockExecutor executor;
  private Instant clock = TestConsortium.GENESIS_TIME;

  private TestChain(TestConsortium consortium, Path directory) {
    this.consortium = consortium;
    this.directory = directory;
    IdentityDirectory identities = new IdentityDirectory();
    this.executor = new BlockExecutor(TestConsortium.CHAIN_ID,
        new ContractRegistry(List.of(new IdentityContract(identities))), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    this.clerk = consortium.issue("st-mary", "clerk", Role.REGISTRAR);
  }

  /** Builds the chain described above in {@code directory} and closes the store. */
  static TestChain build(TestConsortium consortium, Path directory) {
    TestChain chain = new TestChain(consortium, directory);
    chain.produce();
    return chain;
  }

  /** Builds a chain holding only the genesis block (sealed). */
  static TestChain genesisOnly(TestConsortium consortium, Path directory) {
    TestChain chain = new TestChain(consortium, directory);
    try (RocksChainStore store = RocksChainStore.open(directory)) {
      chain.append(store, GenesisBlock.of(consortium.genesis()));
    }
    return chain;
  }

  private void produce() {
    TestConsortium.Member stMary = consortium.registrar("st-mary");
    TestConsortium.Member cityClinic = consortium.registrar("city-clinic");
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    TestConsortium.Member carol = consortium.issue("city-clinic", "nurse-carol", Role.NURSE);
    TestConsortium.Member bob = consortium.issue("st-mary", "patient-bob", Role.PATIENT);
    TestConsortium.Member eve = consortium.issue("st-mary", "patient-eve", Role.PATIENT);
    TestConsortium.Member stranger = consortium.issue("st-mary", "stranger", Role.REGISTRAR);
    try (RocksChainStore store = RocksChainStore.open(directory)) {
      append(store, GenesisBlock.of(consortium.genesis()));
      commit(store, record(stMary, alice), record(stMary, clerk), record(cityClinic, carol));
      commit(store, record(clerk, bob), record(alice, eve));
      commit(store, revoke(stMary, clerk), revoke(cityClinic, alice));
      commit(store, record(clerk, eve), record(stMary, eve));
      commit(store, record(stranger, consortium.issue("st-mary", "nobody", Role.PATIENT)));
    }
  }

  private void commit(RocksChainStore store, SignedTransaction... transactions) {
    clock = clock.plus(Duration.ofMinutes(1));
    append(store, executor.execute(store, List.of(transactions), clock, VALIDATOR));
  }

  private void append(RocksChainStore store, ExecutedBlock executed) {
    store.append(executed.block(), executed.changes());
    store.addSeal(executed.block().height(), seal(executed.block()));
    blocks.add(executed.block());
  }

  /** The validator's seal over a block's header. */
  BlockSeal seal(Block block) {
    return BlockSeal.sign(VALIDATOR, consortium.validators().get(0).signing(), block.header());
  }

  Block block(long height) {
    return blocks.get((int) height);
  }

  long head() {
    return blocks.size() - 1;
  }

  long transactionCount() {
    return blocks.stream().mapToLong(b -> b.transactions().size()).sum();
  }

  static SignedTransaction record(TestConsortium.Member by, TestConsortium.Member whom) {
    return by.signer().sign(IdentityContract.RECORD, der(whom.certificate()));
  }

  static SignedTransaction revoke(TestConsortium.Member by, TestConsortium.Member whom) {
    return by.signer().sign(IdentityContract.REVOKE, IdentityContract.revokePayload(
        CertificateCodec.fingerprint(whom.certificate()), RevocationReason.KEY_COMPROMISE));
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
