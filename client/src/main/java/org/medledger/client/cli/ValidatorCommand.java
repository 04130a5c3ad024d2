package org.medledger.client.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medledger.client.network.AtomicFiles;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.NetworkInitializer;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.NetworkNodes;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.governance.GovernanceAction;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorInfo;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.PkiException;
import org.medledger.pki.Pem;
import org.medledger.pki.Registrar;
import org.medledger.pki.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Changes to the validator set, proposed by an organisation's administrator (its registrar) and
 * carried out on chain once a majority of the organisations approved them
 * ({@code medledger governance approve}).
 */
@Command(name = "validator", description = "Propose adding or removing a validator (other organisations approve).",
    subcommands = {ValidatorCommand.Add.class, ValidatorCommand.Remove.class})
final class ValidatorCommand {
  @Command(name = "add", mixinStandardHelpOptions = true, description = {
      "Create a new validator of your organisation: register it on chain, enroll its signing and TLS",
      "keys (written under nodes/NAME/ with its node.yaml), and propose adding it to the validator set."})
  static final class Add implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--name", required = true, description = "The new validator's id, e.g. validator-5.")
    String name;

    @Option(names = "--host", defaultValue = "127.0.0.1",
        description = "The host name or address its peers and clients reach it on; put in its TLS certificate "
            + "(default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--consensus-port", required = true, description = "The port it listens on for its peers.")
    int consensusPort;

    @Option(names = "--api-port", required = true, description = "The port of its HTTPS API.")
    int apiPort;

    @Option(names = "--key", defaultValue = "ec", description = "Key type: ec (P-256) or rsa (3072) (default: ${DEFAULT-VALUE}).")
    CaCommand.KeyType keyType;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      requireValidName(name);
      requirePort(consensusPort, "--consensus-port");
      requirePort(apiPort, "--api-port");
      String address = host + ":" + consensusPort;
      if (!ValidatorInfo.isAddress(address)) {
        throw new CliException("--host '" + host + "' is not a host name or address");
      }
      NetworkLayout layout = target.layout();
      if (Files.exists(layout.node(name))) {
        throw new CliException(layout.node(name) + " already exists; refusing to overwrite it");
      }
      AuthorityStore store = target.store();
      SortedMap<String, String> peers = peersOf(layout);
      if (peers.containsKey(name) || peers.containsValue(address)) {
        throw new CliException("a node of this network is already named " + name + " or listens on " + address);
      }
      NodeClient node = nodeOption.connect(target);
      Passphrase caPassphrase = context.passphrases().authority(store.organisation());
      RegistrarTransactions chain = new RegistrarTransactions(node, layout, store.organisation(), caPassphrase);
      Registrar registrar = store.registrar(caPassphrase);
      Passphrase nodePassphrase = context.passphrases().forNewKeys("the keys of " + name);
      Instant now = context.clock().instant();
      PrintWriter out = spec.commandLine().getOut();
      RegistrarTransactions.Registered registered = chain.register(store,
          IdentityClaims.of(name, Role.VALIDATOR, store.organisation()), now, store.state().policy().enrollmentSecret());
      out.println("registered validator '" + name + "' at " + store.organisation() + "; "
          + RegistrarTransactions.describe(registered.committed()));
      Genesis.Validator enrolled = NetworkInitializer.enrollValidator(layout, store, registrar, name,
          registered.secret(), keyType.scheme, tlsHosts(), nodePassphrase, now, chain::recordCertificate);
      peers.put(name, address);
      AtomicFiles.writeNew(layout.nodeConfig(name), NodeConfigFile.write(new NodeConfig(name,
          Path.of("../../genesis.json"), layout.nodeWallet(name).getFileName(),
          layout.nodeTlsCertificate(name).getFileName(), layout.nodeTlsKey(name).getFileName(), Path.of("data"),
          new NodeConfig.Listen(host, apiPort), NodeConfig.Batch.DEFAULT,
          new NodeConfig.Consensus(new NodeConfig.Listen(host, consensusPort), peers, Path.of("raft")))), false);
      out.println("keys, certificates and configuration written to " + layout.node(name));
      CommittedTransaction proposal = chain.commit(GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(
          new GovernanceAction.AddValidator(new ValidatorInfo(name, store.organisation().value(),
              Pem.certificate(enrolled.certificate()), Pem.certificate(enrolled.tlsCertificate()), address))));
      GovernanceCommand.printProposal(out, proposal, target);
      out.println("start it with: medledger node --config " + layout.nodeConfig(name)
          + " (it joins once the change is carried out)");
      out.flush();
    }

    private List<String> tlsHosts() {
      List<String> hosts = new ArrayList<>(List.of(host));
      if (host.equals("127.0.0.1")) {
        hosts.add("localhost");
      }
      return hosts;
    }

    /** The consensus addresses of the network's validators, from their node.yaml files. */
    private static SortedMap<String, String> peersOf(NetworkLayout layout) {
      SortedMap<String, String> peers = new TreeMap<>();
      for (NodeConfig config : new NetworkNodes(layout).configs()) {
        peers.putAll(config.consensus().peers());
      }
      if (peers.isEmpty()) {
        throw new CliException("no node of " + layout.root() + " lists its consensus peers: add them to the "
            + "new validator's node.yaml by hand");
      }
      return peers;
    }

    private static void requirePort(int port, String option) {
      if (port < 1 || port > 65_535) {
        throw new CliException(option + " must be a port between 1 and 65535, not " + port);
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Propose removing a validator from the validator set (stop its node once carried out).")
  static final class Remove implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--name", required = true, description = "The validator's id.")
    String name;

    Remove(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      requireValidName(name);
      CommittedTransaction proposal = RegistrarTransactions.of(target, nodeOption, context).commit(GovernanceContract.PROPOSE,
          GovernanceCodec.proposePayload(new GovernanceAction.RemoveValidator(name)));
      PrintWriter out = spec.commandLine().getOut();
      GovernanceCommand.printProposal(out, proposal, target);
      out.flush();
    }
  }

  /** A name that can stand in a certificate, or a one-line error. */
  static void requireValidName(String name) {
    try {
      IdentityClaims.requireValidName(name);
    } catch (PkiException e) {
      throw new CliException(e.getMessage());
    }
  }
}
