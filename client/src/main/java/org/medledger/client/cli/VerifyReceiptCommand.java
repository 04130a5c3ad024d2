package org.medledger.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medledger.node.GenesisFile;
import org.medledger.node.verify.ReceiptChecks;
import org.medledger.node.verify.ReceiptReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medledger verify-receipt}: checks a receipt offline against the genesis file, following
 * the validator-set changes the receipt carries; a valid receipt's line names the blocks that
 * changed the set (e.g. {@code validator set changed at blocks 12, 40}).
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
    description = {"Check a transaction receipt offline: Merkle proofs against the block header, the",
        "validator-set changes it carries (followed from the genesis validators, each sealed by the set",
        "before it) and the seals against the set in force at its block. A receipt cannot prove that no",
        "later change was left out: verify-chain can. Exit code 0 if valid, 1 if not."})
final class VerifyReceiptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The receipt (binary, as saved by the client).")
  Path file;

  @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "The network's genesis.json.")
  Path genesisFile;

  @Override
  public Integer call() {
    ReceiptChecks checks = new ReceiptChecks(GenesisFile.read(genesisFile));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CliException(file + " does not exist");
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
    ReceiptReport report = checks.check(bytes);
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.message());
    out.flush();
    return report.verdict().exitCode();
  }
}
