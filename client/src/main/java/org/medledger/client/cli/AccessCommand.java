package org.medledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Access requests, decided on chain: the committed decision (permit or deny, reason,
 * obligations) is the audit record. And the queries over those records.
 */
@Command(name = "access", description = "Request access to a patient's data; read access logs and decisions.",
    subcommands = {AccessCommand.Request.class, AccessCommand.Log.class, AccessCommand.Decisions.class})
final class AccessCommand {

  @Command(name = "request", mixinStandardHelpOptions = true, description = {
      "Ask for access; the policy on chain decides in the block that commits the request. A deny is",
      "recorded too (and ends with exit code 3)."})
  static final class Request implements java.util.concurrent.Callable<Integer> {
    /** The exit code when the chain denied the request. */
    static final int DENIED = 3;

    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--patient", required = true, paramLabel = "NAME@ORG", description = "Whose data.")
    String patient;

    @Option(names = "--action", defaultValue = "read", description = "read, write, disclose or export (default: ${DEFAULT-VALUE}).")
    String action;

    @Option(names = "--purpose", required = true, paramLabel = "CODE", description = "The purpose of use, e.g. TREAT, HPAYMT.")
    String purpose;

    @Option(names = "--class", required = true, paramLabel = "TYPE", description = "The FHIR resource type, e.g. Observation.")
    String dataClass;

    @Option(names = "--label", paramLabel = "CODE", description = "A security label on the data, e.g. PSY (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--custodian", paramLabel = "ORG", description = "The organisation holding the data (default: the patient's).")
    String custodian;

    @Option(names = "--deidentified", description = "Ask for de-identified output only (research).")
    boolean deidentified;

    Request(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      PatientId subject = PolicyArguments.patient(patient);
      RequestPayload request = new RequestPayload(subject, Action.parse(action), PurposeOfUse.parse(purpose),
          DataClass.parse(dataClass), PolicyArguments.all(labels, SecurityLabel.class, SecurityLabel::parse),
          custodian == null ? subject.organisation() : OrganisationId.of(custodian), deidentified);
      CommittedTransaction committed = member.transactions(context)
          .commit(AccessRequestContract.REQUEST, AccessCodec.requestPayload(request));
      Map<String, String> decision = MemberTransactions.event(committed, "access.decision");
      PrintWriter out = spec.commandLine().getOut();
      out.println(decision.get("effect").toUpperCase(java.util.Locale.ROOT) + ": " + decision.get("reason") + " ("
          + decision.get("message") + ")");
      if (!decision.getOrDefault("obligations", "").isEmpty()) {
        out.println("obligations: " + decision.get("obligations").replace(",", ", "));
      }
      if (decision.containsKey("break-glass-grant")) {
        out.println("under break-glass grant " + decision.get("break-glass-grant"));
      }
      out.println("decision " + decision.get("decision") + "; " + MemberTransactions.describe(committed));
      out.flush();
      return "permit".equals(decision.get("effect")) ? 0 : DENIED;
    }
  }

  @Command(name = "log", mixinStandardHelpOptions = true, description = {
      "A patient's access log: every decision on their data, newest first (the patient, a delegate or",
      "an auditor may read it)."})
  static final class Log implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--patient", paramLabel = "NAME@ORG", description = "The patient (default: the wallet's owner).")
    String patient;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    Log(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      PatientId subject = member.patientOrSelf(patient, context);
      JsonNode log = member.connect().accessLog(subject, limit, member.requestSigner(context));
      printDecisions(spec.commandLine().getOut(), log, "no access to " + subject + "'s data was requested");
    }
  }

  @Command(name = "decisions", mixinStandardHelpOptions = true, description = {
      "The decisions on one requester's requests, newest first (the requester or an auditor may read them)."})
  static final class Decisions implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--actor", paramLabel = "NAME@ORG", description = "The requester (default: the wallet's owner).")
    String actor;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    Decisions(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Party.Person who;
      if (actor == null) {
        IdentityClaims self = member.claims(context);
        who = new Party.Person(self.organisation(), self.name());
      } else {
        who = PolicyArguments.person(actor, "requester");
      }
      JsonNode decisions = member.connect().decisionsBy(who.organisation(), who.name(), limit,
          member.requestSigner(context));
      printDecisions(spec.commandLine().getOut(), decisions, who + " has made no requests");
    }
  }

  /** One line per decision record as the API gives them. */
  static void printDecisions(PrintWriter out, JsonNode decisions, String none) {
    if (decisions.isEmpty()) {
      out.println(none);
    }
    for (JsonNode d : decisions) {
      out.println(d.path("time").asText() + "  " + d.path("effect").asText().toUpperCase(java.util.Locale.ROOT) + "  "
          + d.path("requester").asText() + " (" + d.path("role").asText() + ") " + d.path("action").asText() + " "
          + d.path("dataClass").asText() + " of " + d.path("patient").asText() + " for " + d.path("purpose").asText()
          + ": " + d.path("reason").asText() + "  [" + d.path("id").asText() + "]");
    }
    out.flush();
  }

  private AccessCommand() {}
}
