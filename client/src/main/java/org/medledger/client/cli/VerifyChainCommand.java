package org.medledger.client.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medledger.node.GenesisFile;
import org.medledger.node.NodeStartException;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.node.verify.ChainReport;
import org.medledger.node.verify.ChainVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medledger verify-chain}: re-checks a node's whole data directory. */
@Command(name = "verify-chain", mixinStandardHelpOptions = true,
    description = {"Re-check a node's data directory without changing it: hash links, Merkle roots, every",
        "signature and certificate at its block time (by re-executing every block), the state, and the seals",
        "against the validator set in force at each height (as governance changed it).",
        "Exit code 0 if intact, 1 if tampered (the first bad height is named), 2 if unreadable."})
final class VerifyChainCommand implements Callable<Integer> {
  /** Exit code when the data or the genesis cannot be read (1 means tampered). */
  static final int UNREADABLE = 2;

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data directory.")
  Path data;

  @Option(names = "--genesis", paramLabel = "FILE",
      description = "The genesis file (default: the one named by the node.yaml next to DIR).")
  Path genesisFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ChainVerifier verifier;
    try {
      Path genesisPath = genesisFile != null ? genesisFile : genesisOfNode();
      verifier = new ChainVerifier(GenesisFile.read(genesisPath));
    } catch (CliException | NodeStartException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("medledger: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return UNREADABLE;
    }
    ChainReport report = verifier.verify(data);
    out.println(report.message());
    out.flush();
    return report.verdict().exitCode();
  }

  private Path genesisOfNode() {
    Path config = data.toAbsolutePath().normalize().getParent().resolve("node.yaml");
    if (!Files.isRegularFile(config)) {
      throw new CliException("no node.yaml next to " + data + "; name the genesis file with --genesis");
    }
    return NodeConfigFile.read(config).genesis();
  }
}
