package org.medledger.client.cli;

import org.medledger.contracts.HealthContracts;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.medledger.client.network.AtomicFiles;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.DemoIdentities;
import org.medledger.client.network.Enrollment;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.client.network.NetworkInitializer;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.NetworkNodes;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.NodeClient;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.node.LocalNetwork;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
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
 * resumed afterwards, all its validators running in this process until it is stopped.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
    description = {"Run a development network: every validator in this process on loopback. The first run",
        "creates it (3 organisations, validators, demo identities on chain with their wallets); later runs",
        "resume its chain. Keys use MEDLEDGER_PASSPHRASE, or the development passphrase. Ctrl-C stops it."})
final class DevCommand implements Runnable {
  /** Development only: printed, documented, and never used when MEDLEDGER_PASSPHRASE is set. */
  static final String DEV_PASSPHRASE = "medledger-dev";
  private static final java.time.Duration LEADER_TIMEOUT = java.time.Duration.ofSeconds(30);
  static final String DEMO_PATIENT = "buster-hoeger@city-clinic";
  static final List<OrganisationId> ORGANISATIONS =
      List.of(OrganisationId.of("st-mary"), OrganisationId.of("city-clinic"), OrganisationId.of("acme-insurance"));

  @Spec CommandSpec spec;
  private final CliContext context;

  @Option(names = "--data", defaultValue = "dev-network", paramLabel = "DIR",
      description = "Network directory (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--validators", defaultValue = "4", description = "Validators on first run (default: ${DEFAULT-VALUE}).")
  int validators;

  @Option(names = "--api-port", defaultValue = "8441", paramLabel = "PORT",
      description = "First run: HTTPS port of validator-1; the others follow (default: ${DEFAULT-VALUE}).")
  int firstApiPort;

  @Option(names = "--consensus-port", defaultValue = "9441", paramLabel = "PORT",
      description = "First run: consensus port of validator-1; the others follow (default: ${DEFAULT-VALUE}).")
  int firstConsensusPort;

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
    boolean fresh = !Files.exists(data);
    Genesis genesis;
    if (fresh) {
      out.println("creating a development network in " + data);
      NetworkInitializer.Options defaults = NetworkInitializer.Options.defaults(ORGANISATIONS, validators);
      NetworkInitializer.Options options = new NetworkInitializer.Options(defaults.organisations(), validators,
          defaults.policy(), defaults.tlsHosts(), defaults.keyScheme(), firstApiPort, firstConsensusPort);
      genesis = NetworkInitializer.init(data, options, passphrase, context.clock().instant(),
          line -> { out.println("  " + line); out.flush(); });
    } else {
      out.println("reusing the development network in " + data);
      genesis = layout.readGenesis();
    }
    NetworkCommand.printSummary(out, layout, genesis);
    List<NodeConfig> configs = genesis.validators().stream()
        .map(v -> NodeConfigFile.read(layout.nodeConfig(v.id()))).toList();
    out.println("starting " + configs.size() + " validators…");
    out.flush();
    LocalNetwork nodes = LocalNetwork.start(configs, passphrase, HealthContracts.all());
    try {
      nodes.awaitLeader(LEADER_TIMEOUT);
      if (fresh) {
        enrollDemoIdentities(layout, passphrase, out);
        seedDemoCare(layout, passphrase, out);
      }
      printUsage(out, layout, nodes, envPassphrase == null);
    } catch (RuntimeException e) {
      nodes.close();
      throw e;
    }
    context.foreground().hold(nodes);
  }

  private void printUsage(PrintWriter out, NetworkLayout layout, LocalNetwork nodes, boolean devPassphrase) {
    out.println();
    for (Node node : nodes.nodes()) {
      out.println("  " + node.id() + ": https://127.0.0.1:" + node.apiPort() + "/v1/status (height "
          + node.chain().height() + ")" + (node.isLeader() ? ", consensus leader" : ""));
    }
    out.println();
    out.println("demo wallets (passphrase: " + (devPassphrase ? "'" + DEV_PASSPHRASE + "', development only"
        : "from " + Passphrases.PASSPHRASE) + "):");
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      out.println("  " + identity.name() + " (" + identity.role().id() + ", " + identity.organisation() + "): "
          + DemoIdentities.wallet(layout, identity));
    }
    String env = devPassphrase ? Passphrases.PASSPHRASE + "=" + DEV_PASSPHRASE + " " : "";
    Node first = nodes.nodes().get(0);
    out.println();
    out.println("try, in another terminal:");
    out.println("  curl --cacert " + layout.authorityCertificate(ORGANISATIONS.get(0)) + " https://localhost:"
        + first.apiPort() + "/v1/status");
    out.println("  " + env + "./medledger ca register --network " + data + " --org " + ORGANISATIONS.get(0)
        + " --name dr-new --role physician");
    out.println("  ./medledger ca verify " + DemoIdentities.wallet(layout, DemoIdentities.ALL.get(0)) + " --network "
        + data);
    out.println("  " + env + "./medledger access request --network " + data + " --wallet "
        + DemoIdentities.wallet(layout, DemoIdentities.byName("dr-dan")) + " --patient " + DEMO_PATIENT
        + " --purpose TREAT --class Observation");
    out.println("  " + env + "./medledger access log --network " + data + " --wallet "
        + DemoIdentities.wallet(layout, DemoIdentities.byName("buster-hoeger")));
    out.println("Ctrl-C stops every validator; the next run resumes the same chain.");
    out.flush();
  }

  /**
   * Demo care on chain: dr-dan's organisation records that he treats the demo patient, and the
   * patient consents to the insurer reading payment data for payment.
   */
  private void seedDemoCare(NetworkLayout layout, Passphrase passphrase, PrintWriter out) {
    out.println("  recording a treating relationship and a consent");
    out.flush();
    NodeClient node = new NetworkNodes(layout).connect(Optional.empty());
    PatientId patient = PolicyArguments.patient(DEMO_PATIENT);
    new RegistrarTransactions(node, layout, patient.organisation(), passphrase).commit(RelationshipContract.ADD,
        RelationshipCodec.addPayload(new Relationship(patient, Party.person("city-clinic", "dr-dan"),
            Relationship.Kind.CARE_TEAM, Period.ALWAYS)));
    Provision insurer = Provision.permit().actors(Party.person("acme-insurance", "claims-erin"))
        .actions(Action.READ).purposes(PurposeOfUse.HPAYMT).classes(DataClass.PAYMENT).build();
    FhirConsent consent = FhirConsent.of(patient, Period.ALWAYS, insurer);
    Wallet wallet = Wallet.read(DemoIdentities.wallet(layout, DemoIdentities.byName(patient.name())), passphrase);
    MemberTransactions chain = new MemberTransactions(node, layout.readGenesis().chainId(), wallet);
    SignedTransaction transaction = chain.sign(ConsentGrantContract.GRANT, ConsentCodec.grantPayload(consent.grant()));
    chain.commit(transaction);
    AtomicFiles.writeNew(DemoIdentities.wallet(layout, DemoIdentities.byName(patient.name())).resolveSibling("consents")
        .resolve(transaction.id().hex() + ".json"), consent.json(), true);
  }

  /** Registers and enrolls the demo identities, on chain, through the running validators. */
  private void enrollDemoIdentities(NetworkLayout layout, Passphrase passphrase, PrintWriter out) {
    Instant now = context.clock().instant();
    NodeClient node = new NetworkNodes(layout).connect(Optional.empty());
    for (DemoIdentities.Identity identity : DemoIdentities.ALL) {
      out.println("  enrolling " + identity.name() + " on chain");
      out.flush();
      AuthorityStore store = new AuthorityStore(layout, identity.organisation());
      Registrar registrar = store.registrar(passphrase);
      RegistrarTransactions chain = new RegistrarTransactions(node, layout, identity.organisation(), passphrase);
      IdentityClaims claims = new IdentityClaims(identity.name(), identity.role(), identity.organisation(),
          new TreeMap<>(identity.attributes()));
      String secret = store.update(records -> {
        Registrar.Outcome<String> registered = Registrar.register(records, store.organisation(), claims, now,
            registrar.policy().enrollmentSecret());
        chain.commit(IdentityContract.REGISTER, IdentityCodec.registerPayload(claims));
        return registered;
      });
      Enrollment.enroll(store, registrar, identity.name(), secret, SignatureScheme.ECDSA_P256_SHA256, now,
          chain::recordCertificate)
          .writeNew(DemoIdentities.wallet(layout, identity), passphrase);
    }
  }
}
