package org.medledger.client.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.contracts.relationship.RelationshipEnd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Treating relationships (admission, referral, care team), recorded by the registrar of the
 * treating organisation: they link a clinician or the organisation to a patient for a period.
 */
@Command(name = "relationship", description = "Record or end a treating relationship (the treating organisation's registrar).",
    subcommands = {RelationshipCommand.Add.class, RelationshipCommand.End.class})
final class RelationshipCommand {

  @Command(name = "add", mixinStandardHelpOptions = true, description = {
      "Record that a clinician (NAME@ORG) or the whole organisation (org:ORG) treats a patient, from",
      "--from (default: now) until --until (default: until ended). Signed by --org's registrar."})
  static final class Add implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--patient", required = true, paramLabel = "NAME@ORG", description = "The patient.")
    String patient;

    @Option(names = "--party", required = true, paramLabel = "PARTY",
        description = "Who treats: NAME@ORG (a clinician of your organisation) or org:ORG (your organisation).")
    String party;

    @Option(names = "--kind", defaultValue = "care-team",
        description = "admission, referral or care-team (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--from", paramLabel = "TIME", description = "From (a date or an instant; default: always).")
    String from;

    @Option(names = "--until", paramLabel = "TIME", description = "Until, exclusive (default: until ended).")
    String until;

    Add(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Party treating = PolicyArguments.party(party);
      Relationship relationship = new Relationship(PolicyArguments.patient(patient), treating, kind(kind),
          PolicyArguments.period(from, until));
      CommittedTransaction committed = RegistrarTransactions.of(target, nodeOption, context)
          .commit(RelationshipContract.ADD, RelationshipCodec.addPayload(relationship));
      Map<String, String> added = MemberTransactions.event(committed, "relationship.added");
      PrintWriter out = spec.commandLine().getOut();
      out.println("relationship " + added.get("relationship") + ": " + treating + " treats " + relationship.patient()
          + " (" + kind + ") " + relationship.period() + "; " + MemberTransactions.describe(committed));
      out.flush();
    }
  }

  @Command(name = "end", mixinStandardHelpOptions = true,
      description = "End a treating relationship from the block that ends it.")
  static final class End implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--patient", required = true, paramLabel = "NAME@ORG", description = "The patient.")
    String patient;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "The relationship's id, as 'relationship add' printed it.")
    String id;

    End(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      PatientId subject = PolicyArguments.patient(patient);
      CommittedTransaction committed = RegistrarTransactions.of(target, nodeOption, context)
          .commit(RelationshipContract.END, RelationshipCodec.endPayload(new RelationshipEnd(subject, id)));
      PrintWriter out = spec.commandLine().getOut();
      out.println("ended relationship " + id + " with " + subject + "; " + MemberTransactions.describe(committed));
      out.flush();
    }
  }

  static Relationship.Kind kind(String text) {
    for (Relationship.Kind kind : Relationship.Kind.values()) {
      if (kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
        return kind;
      }
    }
    throw new CliException("unknown relationship kind '" + text + "' (one of: " + Arrays.stream(
        Relationship.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", ")) + ")");
  }

  private RelationshipCommand() {}
}
