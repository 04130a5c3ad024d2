package org.medledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeException;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.pki.PkiException;
import org.medledger.pki.RevocationReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Identities on chain: show one; suspend or reinstate one (its organisation's registrar). */
@Command(name = "identity", description = "Show, suspend or reinstate an identity on chain.",
    subcommands = {IdentityCommand.Show.class, IdentityCommand.Suspend.class, IdentityCommand.Reinstate.class})
final class IdentityCommand {

  /** --name, checked before anything else happens. */
  static final class NameOption {
    @Option(names = "--name", required = true, description = "The identity's name within the organisation.")
    String name;

    String valid() {
      ValidatorCommand.requireValidName(name);
      return name;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print an identity as the chain has it: role, attributes, certificates, status.")
  static final class Show implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    @Mixin NameOption name;

    @Override
    public void run() {
      String valid = name.valid();
      target.layout().readGenesis().organisation(target.organisationId());
      JsonNode identity;
      try {
        identity = nodeOption.connect(target).identity(target.organisation, valid);
      } catch (NodeException e) {
        throw e.status() == 404 ? new CliException("'" + valid + "' is not registered at " + target.organisation) : e;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(identity.path("name").asText() + "@" + identity.path("organisation").asText() + ": "
          + identity.path("role").asText() + ", " + identity.path("status").asText()
          + statusHeight(identity) + ", registered at block " + identity.path("registeredHeight").asLong());
      identity.path("attributes").fields().forEachRemaining(a -> out.println("  " + a.getKey() + "=" + a.getValue().asText()));
      identity.path("certificates").forEach(c -> out.println("  certificate " + c.asText()));
      out.flush();
    }

    private static String statusHeight(JsonNode identity) {
      if (identity.hasNonNull("revokedHeight")) {
        return " since block " + identity.path("revokedHeight").asLong();
      }
      return identity.hasNonNull("suspendedHeight") ? " since block " + identity.path("suspendedHeight").asLong() : "";
    }
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true, description = {
      "Suspend an identity of your organisation: none of its certificates may sign from the",
      "suspending transaction on, until it is reinstated."})
  static final class Suspend implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    @Mixin NameOption name;
    private final CliContext context;

    @Option(names = "--reason", defaultValue = "privilege-withdrawn",
        description = "A revocation reason (default: ${DEFAULT-VALUE}).")
    String reason;

    Suspend(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String valid = name.valid();
      RevocationReason parsed;
      try {
        parsed = RevocationReason.parse(reason);
      } catch (PkiException e) {
        throw new CliException(e.getMessage());
      }
      act(spec, target, nodeOption, context, IdentityContract.SUSPEND, IdentityCodec.suspendPayload(valid, parsed),
          "suspended '" + valid + "'");
    }
  }

  @Command(name = "reinstate", mixinStandardHelpOptions = true,
      description = "Reinstate a suspended identity of your organisation.")
  static final class Reinstate implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    @Mixin NameOption name;
    private final CliContext context;

    Reinstate(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      String valid = name.valid();
      act(spec, target, nodeOption, context, IdentityContract.REINSTATE, IdentityCodec.reinstatePayload(valid),
          "reinstated '" + valid + "'");
    }
  }

  private static void act(CommandSpec spec, CaCommand.OrganisationOptions target, CaCommand.NodeOption nodeOption,
      CliContext context, org.medledger.ledger.tx.TransactionType type, byte[] payload, String done) {
    CommittedTransaction committed = RegistrarTransactions.of(target, nodeOption, context).commit(type, payload);
    PrintWriter out = spec.commandLine().getOut();
    out.println(done + " at " + target.organisationId() + "; " + RegistrarTransactions.describe(committed));
    out.flush();
  }
}
