package org.medledger.bench.load;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.Signer;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.validation.ValidationContext;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.node.storage.rocksdb.RocksChainStore;

/**
 * Grows validator-1's chain of a {@link BenchNetwork} by N echo transactions without the API: the
 * node's own block executor and store, blocks of {@code --block} transactions at the current time,
 * each sealed by the validator, exactly as the block producer commits them (so a node, and
 * verify-chain with the echo contract, accept the result). Transactions are signed per block on
 * all cores.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.medledger.bench.load.ChainGenerator --network DIR \
 *     --transactions 1000000 [--block 2000] [--payload-bytes 64]
 * </pre>
 */
public final class ChainGenerator {
  private ChainGenerator() {}

  public static void main(String[] args) {
    Args a = new Args(args);
    Path network = Path.of(a.required("--network"));
    int total = a.intValue("--transactions", 1_000_000);
    int perBlock = a.intValue("--block", NodeConfig.Batch.DEFAULT.maxTransactions());
    int payloadBytes = a.intValue("--payload-bytes", 64);
    a.done();

    NodeConfig config = NodeConfigFile.read(BenchNetwork.nodeConfig(network));
    LoadSigners signers = LoadSigners.of(network, BenchNetwork.passphrase());
    Genesis genesis = signers.genesis();
    Signer sealer = Wallet.read(config.wallet(), BenchNetwork.passphrase()).signer();
    IdentityDirectory identities = new IdentityDirectory();
    BlockExecutor executor = new BlockExecutor(genesis.chainId(),
        ConsortiumContracts.of(genesis, identities, List.of(new EchoContract())), identities,
        ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES);
    String tag = "chain-" + Long.toHexString(System.nanoTime());
    long start = System.nanoTime();
    long signing = 0;
    try (RocksChainStore store = RocksChainStore.open(config.data())) {
      if (store.height() < 0) {
        ExecutedBlock block0 = GenesisBlock.of(genesis);
        append(store, block0, config.id(), sealer);
      }
      int nextReport = total / 10;
      for (int done = 0; done < total; ) {
        int n = Math.min(perBlock, total - done);
        long signStart = System.nanoTime();
        List<SignedTransaction> batch = Presigner.echo(signers.signers(), n, payloadBytes, tag + "-" + done);
        signing += System.nanoTime() - signStart;
        ExecutedBlock executed = executor.execute(store, batch, Instant.now(), config.id());
        long failed = executed.block().results().stream().filter(r -> !r.success()).count();
        if (failed > 0) {
          throw new IllegalStateException(failed + " transactions of block " + executed.block().height() + " failed: "
              + executed.block().results().stream().filter(r -> !r.success()).findFirst().orElseThrow());
        }
        append(store, executed, config.id(), sealer);
        done += n;
        if (done >= nextReport || done == total) {
          System.out.printf("%d / %d transactions, height %d, %.0f s (signing %.0f s)%n", done, total, store.height(),
              (System.nanoTime() - start) / 1e9, signing / 1e9);
          nextReport += total / 10;
        }
      }
    }
  }

  private static void append(RocksChainStore store, ExecutedBlock executed, String validator, Signer sealer) {
    store.append(executed.block(), executed.changes());
    store.addSeal(executed.block().height(), BlockSeal.sign(validator, sealer, executed.block().header()));
  }
}
