package org.medledger.bench.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.medledger.contracts.HealthContracts;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.consent.DelegationContract;
import org.medledger.contracts.consent.DelegationRequest;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.crypto.Signer;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * A node's RocksDB chain store holding {@link PatientFixture}'s patient and {@code N} unrelated
 * record entries, built with real transactions through the ledger's {@link BlockExecutor} (the
 * consortium's contracts, {@link HealthContracts} and {@link RecordFillerContract}) and appended
 * and sealed as the block producer does:
 *
 * <ol>
 *   <li>block 1: the registrars register the patient and everyone the consents name, and record
 *       the patient's certificate;
 *   <li>block 2: the treating relationships ({@code relationship.add}) and the delegation
 *       ({@code consent.delegate});
 *   <li>blocks 3-6: the patient's 100 {@code consent.grant} transactions, 25 a block;
 *   <li>then {@code bench.records} transactions of {@value #PER_TRANSACTION} entries, {@value
 *       #PER_BLOCK} a block, until N entries are written.
 * </ol>
 *
 * Stores are kept under {@code <root>/entries-N} and reused once complete and built with the
 * current state layout ({@value #LAYOUT}); a store built with an older layout is built again.
 * Build one ahead of a benchmark run with
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.medledger.bench.policy.PolicyStore [--root DIR] --entries 10000000 \
 *     [--settle SECONDS]
 * </pre>
 *
 * ({@code --settle} keeps the store open afterwards so that RocksDB finishes its compactions
 * before the benchmark opens it.)
 */
public final class PolicyStore {
  /** Where stores are kept unless {@code -Dmedledger.bench.policy.root} says otherwise. */
  public static final Path DEFAULT_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "medledger-policy-bench");
  static final int PER_TRANSACTION = 20_000;
  static final int PER_BLOCK = 5;
  private static final String COMPLETE = "complete";
  /**
   * What the store's state holds besides the entries, as written into its {@code complete} file: a
   * store whose file says otherwise was built by older contracts and is built again.
   */
  static final String LAYOUT = "layout 2: per-patient consent versions, break-glass grants in force";
  private static final String VALIDATOR = "validator-1";

  private PolicyStore() {}

  public static Path root() {
    String configured = System.getProperty("medledger.bench.policy.root");
    return configured == null ? DEFAULT_ROOT : Path.of(configured);
  }

  /** Opens the store with {@code entries} filler entries under {@code root}, building it first if needed. */
  public static RocksChainStore openOrBuild(Path root, long entries) {
    Path dir = root.resolve("entries-" + entries);
    if (!completeMarker(entries).equals(read(dir.resolve(COMPLETE)))) {
      build(dir, entries);
    }
    return RocksChainStore.open(dir.resolve("data"));
  }

  public static void main(String[] args) {
    Path root = root();
    long entries = 10_000_000L;
    long settleSeconds = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(args[++i]);
        case "--entries" -> entries = Long.parseLong(args[++i].replace("_", ""));
        case "--settle" -> settleSeconds = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException(
            "usage: PolicyStore [--root DIR] [--entries N] [--settle SECONDS]");
      }
    }
    try (RocksChainStore store = openOrBuild(root, entries)) {
      System.out.println(store + ": height " + store.height());
      if (settleSeconds > 0) {
        // Keep the database open so that RocksDB finishes the compactions the build left pending
        // (see the "files[...]" lines of its LOG), rather than during the measurement.
        System.out.println("letting RocksDB compact for " + settleSeconds + " s");
        Thread.sleep(settleSeconds * 1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void build(Path dir, long entries) {
    deleteTree(dir);
    long start = System.nanoTime();
    TestConsortium consortium = TestConsortium.of(PatientFixture.ORGANISATIONS, 1);
    Genesis genesis = consortium.genesis();
    IdentityDirectory identities = new IdentityDirectory();
    List<Contract> contracts = new ArrayList<>(HealthContracts.all());
    contracts.add(new RecordFillerContract());
    BlockExecutor executor = new BlockExecutor(genesis.chainId(),
        ConsortiumContracts.of(genesis, identities, contracts), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    Signer sealer = consortium.validators().get(0).signing();
    try (RocksChainStore store = RocksChainStore.open(dir.resolve("data"))) {
      Chain chain = new Chain(store, executor, sealer, genesis.createdAt());
      chain.append(GenesisBlock.of(genesis));

      // Identities: the patient (with a certificate: she signs her consents) and everyone named.
      TestConsortium.Member patient = consortium.issue(PatientFixture.ST_MARY, PatientFixture.PATIENT.name(),
          Role.PATIENT);
      TestConsortium.Member stMary = consortium.registrar(PatientFixture.ST_MARY);
      List<SignedTransaction> enrol = new ArrayList<>();
      enrol.add(register(stMary, PatientFixture.ST_MARY, PatientFixture.PATIENT.name(), Role.PATIENT));
      enrol.add(stMary.signer().sign(IdentityContract.RECORD, encoded(patient)));
      for (PatientFixture.Person person : PatientFixture.PEOPLE) {
        enrol.add(register(consortium.registrar(person.organisation()), person.organisation(), person.name(),
            person.role()));
      }
      chain.commit(enrol);

      // Relationships (recorded by the registrar of the treating organisation) and the delegation.
      List<SignedTransaction> care = new ArrayList<>();
      for (Relationship relationship : PatientFixture.relationships()) {
        String organisation = relationship.party() instanceof Party.Person person
            ? person.organisation().value()
            : ((Party.Organisation) relationship.party()).organisation().value();
        care.add(consortium.registrar(organisation).signer().sign(RelationshipContract.ADD,
            RelationshipCodec.addPayload(relationship)));
      }
      Delegation delegation = PatientFixture.delegation();
      care.add(patient.signer().sign(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(
          new DelegationRequest(delegation.delegate(), delegation.actions(), delegation.classes(),
              delegation.period()))));
      chain.commit(care);

      // The patient's consents.
      List<PatientFixture.Grant> grants = PatientFixture.grants();
      for (int from = 0; from < grants.size(); from += 25) {
        List<SignedTransaction> block = new ArrayList<>();
        for (PatientFixture.Grant grant : grants.subList(from, Math.min(grants.size(), from + 25))) {
          block.add(patient.signer().sign(ConsentGrantContract.GRANT,
              ConsentCodec.grantPayload(PatientFixture.PATIENT, grant.period(), grant.provision(), Optional.empty())));
        }
        chain.commit(block);
      }

      // The filler: other patients' record entries.
      TestConsortium.Member filler = consortium.registrar(PatientFixture.CITY);
      long written = 0;
      long nextReport = entries / 10;
      while (written < entries) {
        List<SignedTransaction> block = new ArrayList<>();
        for (int t = 0; t < PER_BLOCK && written < entries; t++) {
          int count = (int) Math.min(PER_TRANSACTION, entries - written);
          block.add(filler.signer().sign(RecordFillerContract.FILL, RecordFillerContract.payload(written, count)));
          written += count;
        }
        chain.commit(block);
        if (written >= nextReport) {
          System.out.printf("  %,d / %,d entries, height %d, %.0f s%n", written, entries, store.height(),
              (System.nanoTime() - start) / 1e9);
          nextReport += Math.max(1, entries / 10);
        }
      }
      System.out.printf("built %s: %,d filler entries, height %d, %.1f s%n", dir, entries, store.height(),
          (System.nanoTime() - start) / 1e9);
    }
    write(dir.resolve(COMPLETE), completeMarker(entries));
  }

  private static SignedTransaction register(TestConsortium.Member registrar, String organisation, String name,
      Role role) {
    return registrar.signer().sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(IdentityClaims.of(name, role, OrganisationId.of(organisation))));
  }

  private static byte[] encoded(TestConsortium.Member member) {
    try {
      return member.certificate().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Executes, checks, appends and seals blocks a second apart. */
  private static final class Chain {
    private final RocksChainStore store;
    private final BlockExecutor executor;
    private final Signer sealer;
    private Instant time;

    Chain(RocksChainStore store, BlockExecutor executor, Signer sealer, Instant genesisTime) {
      this.store = store;
      this.executor = executor;
      this.sealer = sealer;
      this.time = genesisTime;
    }

    void commit(List<SignedTransaction> transactions) {
      time = time.plus(Duration.ofSeconds(1));
      ExecutedBlock executed = executor.execute(store, transactions, time, VALIDATOR);
      for (TransactionResult result : executed.block().results()) {
        if (!result.success()) {
          throw new IllegalStateException("a transaction of block " + executed.block().height() + " failed: "
              + result.code() + ": " + result.message());
        }
      }
      if (executed.block().results().size() != transactions.size()) {
        throw new IllegalStateException("block " + executed.block().height() + " left transactions out");
      }
      append(executed);
    }

    void append(ExecutedBlock executed) {
      store.append(executed.block(), executed.changes());
      store.addSeal(executed.block().height(), BlockSeal.sign(VALIDATOR, sealer, executed.block().header()));
    }
  }

  private static String completeMarker(long entries) {
    return "entries " + entries + "\n" + LAYOUT + "\n";
  }

  /** The file's text, or "" if there is none. */
  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
