package org.medledger.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medledger node --config FILE}: runs one validator until interrupted. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Run one validator node: its ledger, and its HTTPS API. Keys are opened with",
        "MEDLEDGER_PASSPHRASE (or a prompt). Stops cleanly on Ctrl-C."})
final class NodeCommand implements Runnable {
  @Spec CommandSpec spec;
  private final CliContext context;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The node's node.yaml.")
  Path config;

  NodeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    NodeConfig nodeConfig = NodeConfigFile.read(config);
    PrintWriter out = spec.commandLine().getOut();
    Node node = Node.start(nodeConfig, context.passphrases().existing("the keys of " + nodeConfig.id()));
    out.printf("%s is serving chain %s at https://%s:%d (height %d); consensus with its peers on port %d; "
        + "Ctrl-C stops it%n", nodeConfig.id(), node.genesis().chainId(), nodeConfig.api().host(), node.apiPort(),
        node.chain().height(), node.consensusPort());
    out.flush();
    context.foreground().hold(node);
  }
}
