package org.medledger.client.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.DemoIdentities;
import org.medledger.client.network.Enrollment;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.client.network.NetworkInitializer;
import org.medledger.client.network.NetworkLayout;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Registrar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medledger dev}: a development network with demo identities, created on first run and
 * reused afterwards.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = {"Create (first run) or reuse a development network: 3 organisations, validators and demo",
        "identities with their wallets. Keys use MEDLEDGER_PASSPHRASE, or the development passphrase."})
final class DevCommand implements Runnable {
  /** Development only: printed, documented, and never used when MEDLEDGER_PASSPHRASE is set. */
  static final String DEV_PASSPHRASE = "medledger-dev";
  private static final String DEV_FIRST_VALIDATOR = "validator-1";
  static final List<OrganisationId> ORGANISATIONS =
      List.of(OrganisationId.of("st-mary"), OrganisationId.of("city-clinic"), OrganisationId.of("acme-insurance"));

  @Spec CommandSpec spec;
  private final CliContext context;

  @Option(names = "--data", defaultValue = "dev-network", paramLabel = "DIR",
      description = "Network directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--validators", defaultValue = "4", description = "Validators on first run (default: ${DEFAULT-VALUE}).")
  int validators;

  DevCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    NetworkLayout layout = new NetworkLayout(data);
    String envPassphrase = context.environment().get(Passphrases.PASSPHRASE);
    Passphrase passphrase = Passphrase.of(
        (envPassphrase == null || envPassphrase.isEmpty() ? DEV_PASSPHRASE : envPassphrase).toCharArray());
    if (Files.exists(data)) {
      out.println("reusing the development network in " + data);
      NetworkCommand.printSummary(out, layout, layout.readGenesis());
    } else {
      out.println("creating a development network in " + data);
      Genesis genesis = NetworkInitializer.init(data,
          NetworkInitializer.Options.defaults(ORGANISATIONS, validators), passphrase, context.clock().instant(),
          line -> { out.println("  " + line); out.flush(); });
      enrollDemoIdentities(layout, passphrase, out);
      NetworkCommand.printSummary(out, layout, genesis);
    }
    out.println();
    out.println("demo wallets (passphrase: " + (envPassphrase == null ? "'" + DEV_PASSPHRASE + "', development only"
        : "from " + Passphrases.PASSPHRASE) + "):");
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      out.println("  " + identity.name() + " (" + identity.role().id() + ", " + identity.organisation() + "): "
          + DemoIdentities.wallet(layout, identity));
    }
    out.println();
    out.println("try:  ./medledger ca verify " + DemoIdentities.wallet(layout, DemoIdentities.ALL.get(0))
        + " --network " + data);
    out.println("run one validator:  " + (envPassphrase == null ? Passphrases.PASSPHRASE + "=" + DEV_PASSPHRASE + " " : "")
        + "./medledger node --config "
        + layout.nodeConfig(DEV_FIRST_VALIDATOR) + "  (all validators together come with the consensus layer)");
    out.flush();
  }

  private void enrollDemoIdentities(NetworkLayout layout, Passphrase passphrase, PrintWriter out) {
    Instant now = context.clock().instant();
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      out.println("  enrolling " + identity.name());
      out.flush();
      AuthorityStore store = new AuthorityStore(layout, identity.organisation());
      Registrar registrar = store.registrar(passphrase);
      IdentityClaims claims = new IdentityClaims(identity.name(), identity.role(), identity.organisation(),
          new TreeMap<>(identity.attributes()));
      String secret = store.update(records -> Registrar.register(records, store.organisation(), claims, now,
          registrar.policy().enrollmentSecret()));
      // No node runs yet: the demo identities exist at their CAs only, not on chain.
      Enrollment.enroll(store, registrar, identity.name(), secret, SignatureScheme.ECDSA_P256_SHA256, now,
          certificate -> {}).writeNew(DemoIdentities.wallet(layout, identity), passphrase);
    }
  }
}
