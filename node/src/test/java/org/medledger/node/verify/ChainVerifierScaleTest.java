package org.medledger.node.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/**
 * How verify-chain's time compares with the signature checks alone, on a larger chain. Off by
 * default: {@code -Dverify.scale=20000} (transactions) and optionally {@code -Dverify.block=500}.
 * Every transaction is a registrar's revocation of an unknown certificate: its signature and
 * certificate are checked in full, then the contract refuses it (cheaply).
 */
@EnabledIfSystemProperty(named = "verify.scale", matches = "\\d+")
class ChainVerifierScaleTest {
  @TempDir
  Path temp;

  @Test
  void verifyChainTakesLittleMoreThanTheSignatureChecks() {
    int total = Integer.getInteger("verify.scale");
    int perBlock = Integer.getInteger("verify.block", 500);
    TestConsortium consortium = TestConsortium.standard();
    List<TransactionSigner> signers = new ArrayList<>();
    List<SignedTransaction> all = new ArrayList<>(total);
    Path dir = temp.resolve("chain");
    long produced = System.nanoTime();
    IdentityDirectory identities = new IdentityDirectory();
    BlockExecutor executor = new BlockExecutor(TestConsortium.CHAIN_ID,
        new ContractRegistry(List.of(new IdentityContract(identities))), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    try (RocksChainStore store = RocksChainStore.open(dir)) {
      ExecutedBlock genesis = GenesisBlock.of(consortium.genesis());
      store.append(genesis.block(), genesis.changes());
      // 20 registrars at st-mary, so that signatures come from several keys.
      List<SignedTransaction> enrol = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        TestConsortium.Member registrar = consortium.issue("st-mary", "registrar-" + i, Role.REGISTRAR);
        enrol.add(TestChain.record(consortium.registrar("st-mary"), registrar));
        signers.add(registrar.signer());
        publicKeys.put(CertificateCodec.fingerprint(registrar.certificate()), registrar.certificate().getPublicKey());
      }
      Instant clock = TestConsortium.GENESIS_TIME.plusSeconds(1);
      commit(store, executor, enrol, clock, consortium);
      for (int done = 0; done < total; done += perBlock) {
        List<SignedTransaction> batch = new ArrayList<>(perBlock);
        for (int i = 0; i < perBlock && done + i < total; i++) {
          byte[] fingerprint = new byte[32];
          ThreadLocalRandom.current().nextBytes(fingerprint);
          batch.add(signers.get(i % signers.size()).sign(IdentityContract.REVOKE,
              IdentityContract.revokePayload(Digest.of(fingerprint), RevocationReason.SUPERSEDED)));
        }
        all.addAll(batch);
        clock = clock.plus(Duration.ofMillis(200));
        commit(store, executor, batch, clock, consortium);
      }
    }
    System.out.printf("[scale] produced %d transactions in %d ms%n", total, (System.nanoTime() - produced) / 1_000_000);

    ChainVerifier verifier = new ChainVerifier(consortium.genesis());
    // Alternate the two measurements and keep the best of each: the machine may be shared.
    long verifyMillis = Long.MAX_VALUE;
    long sigMillis = Long.MAX_VALUE;
    ChainReport report = null;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      report = verifier.verify(dir);
      verifyMillis = Math.min(verifyMillis, (System.nanoTime() - start) / 1_000_000);
      assertThat(report.verdict()).as(report.message()).isEqualTo(ChainVerdict.INTACT);
      start = System.nanoTime();
      long valid = all.parallelStream()
          .filter(tx -> verifierFor(tx).verify(LedgerCodec.encode(tx.body()), tx.signature()))
          .count();
      sigMillis = Math.min(sigMillis, (System.nanoTime() - start) / 1_000_000);
      assertThat(valid).isEqualTo(total);
    }
    System.out.printf("[scale] %s%n[scale] verify-chain %d ms; signature checks alone %d ms; ratio %.2f (%d cores)%n",
        report.message(), verifyMillis, sigMillis, (double) verifyMillis / sigMillis,
        Runtime.getRuntime().availableProcessors());
  }

  /** One verifier per signer's key, kept as the identity directory keeps them. */
  private final Map<Digest, Verifier> verifierCache = new ConcurrentHashMap<>();
  private final Map<Digest, PublicKey> publicKeys = new ConcurrentHashMap<>();

  private Verifier verifierFor(SignedTransaction tx) {
    return verifierCache.computeIfAbsent(tx.body().certificateFingerprint(), fp -> {
      PublicKey key = publicKeys.get(fp);
      return SignatureScheme.of(key).verifier(key);
    });
  }

  private void commit(RocksChainStore store, BlockExecutor executor, List<SignedTransaction> batch, Instant time,
      TestConsortium consortium) {
    ExecutedBlock executed = executor.execute(store, batch, time, TestChain.VALIDATOR);
    store.append(executed.block(), executed.changes());
    store.addSeal(executed.block().height(), BlockSeal.sign(TestChain.VALIDATOR,
        consortium.validators().get(0).signing(), executed.block().header()));
  }
}
