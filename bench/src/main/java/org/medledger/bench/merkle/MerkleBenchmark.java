package org.medledger.bench.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.medledger.ledger.merkle.ConsistencyProof;
import org.medledger.ledger.merkle.InclusionProof;
import org.medledger.ledger.merkle.MerkleHash;
import org.medledger.ledger.merkle.MerkleTree;
import org.medledger.ledger.merkle.MerkleVerifier;
import org.medledger.ledger.merkle.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The RFC 6962 Merkle tree of the ledger at one million leaves: building the tree, producing and
 * verifying inclusion proofs, producing and verifying consistency proofs, and the root of an
 * older tree head.
 *
 * <p>Leaves are 32 bytes (the size of a transaction hash), derived from their index so that every
 * run sees the same tree. Proof benchmarks cycle through {@value #SAMPLES} leaf indexes and old
 * sizes spread over the whole tree; verification benchmarks cycle through proofs made in setup.
 * One million is not a power of two, so the tree has a ragged right edge.
 *
 * <pre>java -jar bench/target/benchmarks.jar MerkleBenchmark [-p leafCount=1048576]</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MerkleBenchmark {
  private static final int SAMPLES = 1024;
  /** Odd 64-bit constant (2^64 / golden ratio) that spreads consecutive samples over the tree. */
  private static final long SPREAD = 0x9E3779B97F4A7C15L;

  @Param({"1000000"})
  int leafCount;

  private List<byte[]> leaves;
  private List<MerkleHash> leafHashes;
  private MerkleTree tree;
  private MerkleHash root;

  private long[] indexes;
  private long[] oldSizes;
  private MerkleHash[] sampleLeafHashes;
  private InclusionProof[] inclusionProofs;
  private ConsistencyProof[] consistencyProofs;
  private MerkleHash[] oldRoots;

  /** The position in the samples of one benchmark thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;

    int next() {
      int current = next;
      next = (next + 1) % SAMPLES;
      return current;
    }
  }

  @Setup(Level.Trial)
  public void buildTreeAndSamples() {
    leaves = new ArrayList<>(leafCount);
    leafHashes = new ArrayList<>(leafCount);
    for (int i = 0; i < leafCount; i++) {
      byte[] leaf = ByteBuffer.allocate(32).putLong(i).putLong(i * SPREAD).putLong(~i).array();
      leaves.add(leaf);
      leafHashes.add(MerkleHash.ofLeaf(leaf));
    }
    tree = MerkleTree.ofLeaves(leaves);
    root = tree.root();

    indexes = new long[SAMPLES];
    oldSizes = new long[SAMPLES];
    sampleLeafHashes = new MerkleHash[SAMPLES];
    inclusionProofs = new InclusionProof[SAMPLES];
    consistencyProofs = new ConsistencyProof[SAMPLES];
    oldRoots = new MerkleHash[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
      long spread = ((k + 1) * SPREAD) >>> 1;
      indexes[k] = spread % leafCount;
      oldSizes[k] = 1 + spread % (leafCount - 1);
      sampleLeafHashes[k] = tree.leafHash(indexes[k]);
      inclusionProofs[k] = tree.inclusionProof(indexes[k]);
      consistencyProofs[k] = tree.consistencyProof(oldSizes[k]);
      oldRoots[k] = tree.rootAt(oldSizes[k]);
    }
  }

  /** Hashing every leaf and building all levels. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public MerkleTree buildFromLeaves() {
    return MerkleTree.ofLeaves(leaves);
  }

  /** Building all levels over leaf hashes computed beforehand. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public MerkleTree buildFromLeafHashes() {
    return MerkleTree.ofLeafHashes(leafHashes);
  }

  @Benchmark
  public InclusionProof inclusionProof(Cursor cursor) {
    return tree.inclusionProof(indexes[cursor.next()]);
  }

  @Benchmark
  public VerificationResult verifyInclusion(Cursor cursor) {
    int k = cursor.next();
    return MerkleVerifier.verifyInclusion(sampleLeafHashes[k], inclusionProofs[k], root);
  }

  @Benchmark
  public ConsistencyProof consistencyProof(Cursor cursor) {
    return tree.consistencyProof(oldSizes[cursor.next()]);
  }

  @Benchmark
  public VerificationResult verifyConsistency(Cursor cursor) {
    int k = cursor.next();
    return MerkleVerifier.verifyConsistency(consistencyProofs[k], oldRoots[k], root);
  }

  /** The root of an older tree head, as needed to answer a client that holds an old root. */
  @Benchmark
  public MerkleHash rootAtOlderSize(Cursor cursor) {
    return tree.rootAt(oldSizes[cursor.next()]);
  }
}
