package org.medledger.bench.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.medledger.contracts.access.LedgerPolicyState;
import org.medledger.contracts.access.PolicyStateCache;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentKeys;
import org.medledger.contracts.consent.ConsentRecord;
import org.medledger.contracts.consent.ConsentVersion;
import org.medledger.contracts.consent.Consents;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.AccessRequest;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.PolicyDecisionPoint;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PolicyState;
import org.medledger.contracts.relationship.RelationshipKeys;
import org.medledger.ledger.state.StateView;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access-decision latency (issue 5, Figures): {@link PolicyDecisionPoint#decide} for a physician's
 * READ of a patient with 100 active consents ({@link PatientFixture}), on one thread.
 *
 * <ul>
 *   <li>{@code inMemory}: the decision function alone, over an in-memory {@link PolicyState};
 *   <li>{@code onLedger}: the decision as the access contract makes it: {@link LedgerPolicyState}
 *       over a node's RocksDB world state ({@link RocksChainStore#state()}) that also holds {@code
 *       entries} unrelated record entries ({@link PolicyStore}, built once and reused), with a
 *       {@link PolicyStateCache}. It reads the patient's consent version and (when needed) her
 *       relationships; her consents are decoded once per version, in the set-up's first decision.
 *   <li>{@code onLedgerUncached}: the same with {@link PolicyStateCache#none()}: every decision
 *       reads the consent version, the consent index, each consent (decoded once per distinct
 *       record by {@code ConsentRecordCache}), the delegations and the relationships.
 * </ul>
 *
 * {@code scenario}: RELATIONSHIP (permit by the care team), SENSITIVE (PSY data, permit by consent),
 * DENIED (a nested deny applies). {@code versionReadOnly}, {@code ledgerReadsOnly} and {@code
 * decodeConsentsOnly} split the costs: the one read of the patient's consent version; the 102 reads
 * of an uncached RELATIONSHIP decision (consent index, 100 consents, relationships) without
 * decoding; decoding the 100 consent records without reading. Sample time: JMH reports the median
 * (p0.50) and p0.99.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar PolicyDecisionBenchmark -p entries=10000,10000000 \
 *     [-jvmArgsPrepend -Dmedledger.bench.policy.root=DIR]
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyDecisionBenchmark {

  /** The request measured. */
  @State(Scope.Benchmark)
  public static class Request {
    @Param({"RELATIONSHIP", "SENSITIVE", "DENIED"})
    public PatientFixture.Scenario scenario;

    AccessRequest request;

    @Setup
    public void setUp() {
      request = scenario.request();
    }
  }

  /** The patient's policy state in memory. */
  @State(Scope.Benchmark)
  public static class InMemory {
    PolicyState state;

    @Setup
    public void setUp(Request request) {
      state = PatientFixture.state();
      check(request, state);
    }
  }

  /** A node's RocksDB chain store whose world state holds the patient and {@code entries} other entries. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"10000", "10000000"})
    public long entries;

    RocksChainStore store;
    /** The keys a decision for the patient reads: her consent index, each consent, her relationships. */
    String[] keys;

    @Setup
    public void setUp() {
      store = PolicyStore.openOrBuild(PolicyStore.root(), entries);
      StateView state = store.state();
      List<String> read = new ArrayList<>();
      read.add(ConsentKeys.index(PatientFixture.PATIENT));
      for (String id : Consents.ids(state, PatientFixture.PATIENT)) {
        read.add(ConsentKeys.consent(id));
      }
      read.add(RelationshipKeys.patient(PatientFixture.PATIENT));
      keys = read.toArray(String[]::new);
    }

    @TearDown
    public void tearDown() {
      store.close();
    }
  }

  /** The patient's policy state read from the store's world state, with a cache as the access contract has. */
  @State(Scope.Benchmark)
  public static class OnLedger {
    PolicyState state;

    @Setup
    public void setUp(Store store, Request request) {
      StateView view = store.store.state();
      if (ConsentVersion.of(view, PatientFixture.PATIENT).isEmpty()) {
        throw new IllegalStateException("the store has no consent version for the patient: it was built before"
            + " versions were kept; delete it and build it again");
      }
      state = new LedgerPolicyState(view, PolicyParameters.defaults(), new PolicyStateCache());
      check(request, state);
    }
  }

  /** The patient's policy state read from the store's world state, all of it afresh for each decision. */
  @State(Scope.Benchmark)
  public static class OnLedgerUncached {
    PolicyState state;

    @Setup
    public void setUp(Store store, Request request) {
      state = new LedgerPolicyState(store.store.state(), PolicyParameters.defaults(), PolicyStateCache.none());
      check(request, state);
    }
  }

  /** The patient's 100 consent records in their on-chain encoding. */
  @State(Scope.Benchmark)
  public static class Encoded {
    byte[][] records;

    @Setup
    public void setUp() {
      List<Consent> consents = PatientFixture.state().consents(PatientFixture.PATIENT);
      records = new byte[consents.size()][];
      for (int i = 0; i < records.length; i++) {
        records[i] = ConsentCodec.encode(new ConsentRecord(consents.get(i), Optional.empty(), 4,
            PatientFixture.PATIENT.asPerson(), Optional.empty()));
      }
    }
  }

  @Benchmark
  public Decision inMemory(Request request, InMemory memory) {
    return PolicyDecisionPoint.decide(request.request, memory.state);
  }

  @Benchmark
  public Decision onLedger(Request request, OnLedger ledger) {
    return PolicyDecisionPoint.decide(request.request, ledger.state);
  }

  @Benchmark
  public Decision onLedgerUncached(Request request, OnLedgerUncached ledger) {
    return PolicyDecisionPoint.decide(request.request, ledger.state);
  }

  /** The one read every {@code onLedger} decision makes for the patient's consents: her consent version. */
  @Benchmark
  public int versionReadOnly(Store store) {
    return ConsentVersion.of(store.store.state(), PatientFixture.PATIENT).orElseThrow().length;
  }

  /** What {@code onLedgerUncached} reads, without decoding: the 102 values of a RELATIONSHIP decision. */
  @Benchmark
  public long ledgerReadsOnly(Store store) {
    StateView state = store.store.state();
    long bytes = 0;
    for (String key : store.keys) {
      bytes += state.get(key).orElseThrow().length;
    }
    return bytes;
  }

  /** What decoding the patient's 100 consent records costs, without reading (uncached, per record). */
  @Benchmark
  public long decodeConsentsOnly(Encoded encoded) {
    long heights = 0;
    for (byte[] record : encoded.records) {
      heights += ConsentCodec.decodeConsent(record).grantedHeight();
    }
    return heights;
  }

  /** The scenario decides as intended on this state, and sees the patient's 100 consents. */
  static void check(Request request, PolicyState state) {
    Decision decision = PolicyDecisionPoint.decide(request.request, state);
    if (decision.reason() != request.scenario.expected()) {
      throw new IllegalStateException(request.scenario + " decided " + decision + ", expected "
          + request.scenario.expected());
    }
    int consents = state.consents(PatientFixture.PATIENT).size();
    if (consents != PatientFixture.CONSENTS) {
      throw new IllegalStateException("the patient has " + consents + " consents, not " + PatientFixture.CONSENTS);
    }
  }
}
