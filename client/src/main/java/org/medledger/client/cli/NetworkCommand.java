package org.medledger.client.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.client.network.NetworkInitializer;
import org.medledger.client.network.NetworkLayout;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.ValidityPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code medledger network ...}: creating and inspecting network directories. */
@Command(name = "network", description = "Create a consortium network directory.", subcommands = NetworkCommand.Init.class)
final class NetworkCommand {

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Create the organisations' CAs, registrar wallets, validator identities, TLS certificates",
          "and the genesis file in a new directory. Keys are encrypted with MEDLEDGER_PASSPHRASE (or a prompt)."})
  static final class Init implements Runnable {
    /** A DNS name of letter-digit-hyphen labels, or an IP address literal (IPv4 matches the first form). */
    private static final Pattern TLS_HOST = Pattern.compile(
        "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
            + "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Spec CommandSpec spec;
    private final CliContext context;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New directory to create.")
    Path out;

    @Option(names = "--orgs", split = ",", paramLabel = "ORG",
        defaultValue = "st-mary,city-clinic,acme-insurance", description = "Organisation ids (default: ${DEFAULT-VALUE}).")
    List<String> organisations;

    @Option(names = "--validators", defaultValue = "4", description = "Number of validators (default: ${DEFAULT-VALUE}).")
    int validators;

    @Option(names = "--person-validity", defaultValue = "365d", converter = DurationConverter.class,
        description = "Validity of people's certificates (default: ${DEFAULT-VALUE}).")
    Duration personValidity;

    @Option(names = "--node-validity", defaultValue = "730d", converter = DurationConverter.class,
        description = "Validity of validator and TLS certificates (default: ${DEFAULT-VALUE}).")
    Duration nodeValidity;

    @Option(names = "--secret-ttl", defaultValue = "24h", converter = DurationConverter.class,
        description = "Default lifetime of enrollment secrets (default: ${DEFAULT-VALUE}).")
    Duration secretLifetime;

    @Option(names = "--api-port", defaultValue = "8441", paramLabel = "PORT",
        description = "HTTPS API port of validator-1; the others follow (default: ${DEFAULT-VALUE}).")
    int firstApiPort;

    @Option(names = "--consensus-port", defaultValue = "9441", paramLabel = "PORT",
        description = "Port on which validator-1 listens for the other validators (mutual TLS); the others "
            + "follow (default: ${DEFAULT-VALUE}).")
    int firstConsensusPort;

    @Option(names = "--tls-host", split = ",", paramLabel = "HOST", defaultValue = "localhost,127.0.0.1",
        description = "Host names and IP addresses in the validators' TLS certificates (default: ${DEFAULT-VALUE}).")
    List<String> tlsHosts;

    Init(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      List<OrganisationId> orgs = organisations.stream().map(String::trim).map(OrganisationId::of).toList();
      List<String> hosts = tlsHosts.stream().map(String::trim).toList();
      for (String host : hosts) {
        if (!TLS_HOST.matcher(host).matches()) {
          throw new CliException("invalid --tls-host '" + host + "': use a DNS name (letters, digits, hyphens, dots) "
              + "or an IP address");
        }
      }
      ValidityPolicy defaults = ValidityPolicy.DEFAULT;
      ValidityPolicy policy = new ValidityPolicy(
          personValidity, nodeValidity, defaults.authority(), secretLifetime, defaults.crl());
      NetworkInitializer.Options options = new NetworkInitializer.Options(orgs, validators, policy, hosts,
          SignatureScheme.ECDSA_P256_SHA256, firstApiPort, firstConsensusPort);
      if (out.toFile().exists()) {
        throw new CliException(out + " already exists; refusing to overwrite it");
      }
      Passphrase passphrase = context.passphrases().forNewKeys("the network's keys");
      PrintWriter console = spec.commandLine().getOut();
      Genesis genesis = NetworkInitializer.init(out, options, passphrase, context.clock().instant(),
          line -> { console.println("  " + line); console.flush(); });
      printSummary(console, new NetworkLayout(out), genesis);
    }
  }

  static void printSummary(PrintWriter out, NetworkLayout layout, Genesis genesis) {
    out.println("network " + genesis.chainId() + " in " + layout.root());
    for (Genesis.Organisation org : genesis.organisations()) {
      out.println("  organisation " + org.id() + ": CA " + layout.authorityCertificate(OrganisationId.of(org.id()))
          + ", registrar wallet " + layout.adminWallet(OrganisationId.of(org.id())));
    }
    for (Genesis.Validator validator : genesis.validators()) {
      out.println("  " + validator.id() + " (" + validator.organisation() + "): " + layout.node(validator.id()));
    }
    out.flush();
  }
}
