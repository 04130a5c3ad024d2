package org.medledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medledger.client.network.AtomicFiles;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.consent.DelegationContract;
import org.medledger.contracts.consent.DelegationRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.tx.SignedTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A patient's consents (or a delegate's, acting for the patient): grant, revoke, list. A consent
 * goes on chain as its structured form plus the SHA-256 of its FHIR R4 Consent resource; the
 * resource itself (which may carry personal data) stays with the patient, next to their wallet.
 */
@Command(name = "consent", description = "Grant, revoke or list a patient's consents; delegate to a guardian or proxy.",
    subcommands = {ConsentCommand.Grant.class, ConsentCommand.Revoke.class, ConsentCommand.ListConsents.class,
        ConsentCommand.Delegate.class, ConsentCommand.Undelegate.class})
final class ConsentCommand {

  @Command(name = "grant", mixinStandardHelpOptions = true, description = {
      "Grant a consent: who (--to), what (--action, --class, --label), why (--purpose), when (--from, --until).",
      "An empty criterion means any. Or give a whole FHIR R4 Consent resource with --fhir FILE (nested",
      "provisions). The FHIR resource is written to --out (default: consents/CONSENT-ID.json beside the",
      "wallet); only its SHA-256 goes on chain."})
  static final class Grant implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--patient", paramLabel = "NAME@ORG", description = "The patient (default: the wallet's owner).")
    String patient;

    @Option(names = "--to", paramLabel = "PARTY", description = "Who may: NAME@ORG, org:ORG or role:ROLE (repeatable).")
    List<String> to = new ArrayList<>();

    @Option(names = "--action", paramLabel = "ACTION", description = "read, write, disclose or export (repeatable).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--purpose", paramLabel = "CODE", description = "A purpose of use, e.g. TREAT, HPAYMT, HRESCH (repeatable).")
    List<String> purposes = new ArrayList<>();

    @Option(names = "--class", paramLabel = "TYPE", description = "A FHIR resource type, e.g. Observation (repeatable).")
    List<String> classes = new ArrayList<>();

    @Option(names = "--label", paramLabel = "CODE", description = "A security label the data must carry, e.g. PSY (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--except-label", paramLabel = "CODE",
        description = "Except data carrying this label (a nested deny provision; repeatable).")
    List<String> exceptLabels = new ArrayList<>();

    @Option(names = "--deny", description = "A deny consent: forbid what it matches instead of permitting it.")
    boolean deny;

    @Option(names = "--from", paramLabel = "TIME", description = "Valid from (a date or an instant; default: now).")
    String from;

    @Option(names = "--until", paramLabel = "TIME", description = "Valid until, exclusive (default: no end).")
    String until;

    @Option(names = "--fhir", paramLabel = "FILE", description = "A FHIR R4 Consent resource (JSON) to grant as it is.")
    Path fhir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to keep the FHIR Consent resource.")
    Path out;

    Grant(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      FhirConsent consented = fhir == null ? fromOptions() : fromFhirFile();
      MemberTransactions chain = member.transactions(context);
      SignedTransaction transaction = chain.sign(ConsentGrantContract.GRANT, ConsentCodec.grantPayload(consented.grant()));
      String id = transaction.id().hex();
      Path file = fhir != null ? fhir
          : out != null ? out : member.walletFile.toAbsolutePath().resolveSibling("consents").resolve(id + ".json");
      if (fhir == null && Files.exists(file)) {
        throw new CliException(file + " already exists; choose another --out");
      }
      CommittedTransaction committed = chain.commit(transaction);
      if (fhir == null) {
        AtomicFiles.writeNew(file, consented.json(), true);
      }
      PrintWriter print = spec.commandLine().getOut();
      print.println("granted consent " + id + " for " + consented.grant().patient() + ": "
          + ConsentDescriptions.describe(consented.grant().provision()) + ", " + consented.grant().period());
      print.println("FHIR Consent: " + file + " (sha256 " + consented.grant().fhirSha256().orElseThrow().hex() + ")");
      print.println(MemberTransactions.describe(committed));
      print.flush();
    }

    private FhirConsent fromOptions() {
      if (to.isEmpty()) {
        throw new CliException("name who the consent is for with --to NAME@ORG, org:ORG or role:ROLE (or give --fhir FILE)");
      }
      PatientId subject = member.patientOrSelf(patient, context);
      Provision.Builder root = deny ? Provision.deny() : Provision.permit();
      root.actors(to.stream().map(PolicyArguments::party).toList())
          .actions(PolicyArguments.all(actions, Action.class, Action::parse))
          .purposes(PolicyArguments.all(purposes, PurposeOfUse.class, PurposeOfUse::parse))
          .classes(PolicyArguments.all(classes, DataClass.class, DataClass::parse))
          .labels(PolicyArguments.all(labels, SecurityLabel.class, SecurityLabel::parse));
      if (!exceptLabels.isEmpty()) {
        Provision.Builder except = deny ? Provision.permit() : Provision.deny();
        root.except(except.labels(PolicyArguments.all(exceptLabels, SecurityLabel.class, SecurityLabel::parse)).build());
      }
      return FhirConsent.of(subject, PolicyArguments.period(from, until), root.build());
    }

    private FhirConsent fromFhirFile() {
      if (!to.isEmpty() || !actions.isEmpty() || !purposes.isEmpty() || !classes.isEmpty() || !labels.isEmpty()
          || !exceptLabels.isEmpty() || deny || from != null || until != null || patient != null || out != null) {
        throw new CliException("--fhir takes the whole consent from the file; leave out the other consent options");
      }
      if (!Files.isRegularFile(fhir)) {
        throw new CliException("no file " + fhir);
      }
      return FhirConsent.parse(AtomicFiles.read(fhir));
    }

  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a consent: it no longer applies from the block that revokes it.")
  static final class Revoke implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--consent", required = true, paramLabel = "ID", description = "The consent's id, as 'consent grant' printed it.")
    String consent;

    Revoke(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      CommittedTransaction committed = member.transactions(context)
          .commit(ConsentRevokeContract.REVOKE, ConsentCodec.revokePayload(consent));
      PrintWriter print = spec.commandLine().getOut();
      print.println("revoked consent " + consent + "; " + MemberTransactions.describe(committed));
      print.flush();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = {
      "List a patient's consents as the chain has them (the patient, a delegate or an auditor may)."})
  static final class ListConsents implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--patient", paramLabel = "NAME@ORG", description = "The patient (default: the wallet's owner).")
    String patient;

    ListConsents(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      PatientId subject = member.patientOrSelf(patient, context);
      JsonNode consents = member.connect().consents(subject, member.requestSigner(context));
      PrintWriter print = spec.commandLine().getOut();
      if (consents.isEmpty()) {
        print.println(subject + " has no consents");
      }
      for (JsonNode consent : consents) {
        print.println(consent.path("id").asText() + "  " + consent.path("status").asText() + "  "
            + ConsentDescriptions.period(consent.path("period")) + "  granted at block " + consent.path("grantedHeight").asLong()
            + (consent.hasNonNull("revokedHeight") ? ", revoked at block " + consent.path("revokedHeight").asLong() : ""));
        ConsentDescriptions.printProvision(print, consent.path("provision"), "    ");
        if (consent.hasNonNull("fhirSha256")) {
          print.println("    FHIR Consent sha256 " + consent.path("fhirSha256").asText());
        }
      }
      print.flush();
    }
  }

  @Command(name = "delegate", mixinStandardHelpOptions = true, description = {
      "Let a guardian or proxy (NAME@ORG) act for you on your consents and read your data, within",
      "--action and --class (empty: all) and --from/--until. Only the patient may delegate."})
  static final class Delegate implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--to", required = true, paramLabel = "NAME@ORG", description = "The delegate.")
    String to;

    @Option(names = "--action", paramLabel = "ACTION", description = "read, write, disclose or export (repeatable).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--class", paramLabel = "TYPE", description = "A FHIR resource type, e.g. Consent, AuditEvent (repeatable).")
    List<String> classes = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME", description = "From (a date or an instant; default: now).")
    String from;

    @Option(names = "--until", paramLabel = "TIME", description = "Until, exclusive (default: until undelegated).")
    String until;

    Delegate(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      DelegationRequest request = new DelegationRequest(PolicyArguments.person(to, "delegate"),
          PolicyArguments.all(actions, Action.class, Action::parse),
          PolicyArguments.all(classes, DataClass.class, DataClass::parse), PolicyArguments.period(from, until));
      CommittedTransaction committed = member.transactions(context)
          .commit(DelegationContract.DELEGATE, ConsentCodec.delegatePayload(request));
      PrintWriter print = spec.commandLine().getOut();
      print.println("delegation " + MemberTransactions.event(committed, "consent.delegated").get("delegation") + ": "
          + request.delegate() + " acts for you " + request.period() + "; " + MemberTransactions.describe(committed));
      print.flush();
    }
  }

  @Command(name = "undelegate", mixinStandardHelpOptions = true,
      description = "End a delegation from the block that ends it.")
  static final class Undelegate implements Runnable {
    @Spec CommandSpec spec;
    @Mixin MemberOptions member;
    private final CliContext context;

    @Option(names = "--delegation", required = true, paramLabel = "ID", description = "As 'consent delegate' printed it.")
    String delegation;

    Undelegate(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      CommittedTransaction committed = member.transactions(context)
          .commit(DelegationContract.UNDELEGATE, ConsentCodec.undelegatePayload(delegation));
      PrintWriter print = spec.commandLine().getOut();
      print.println("ended delegation " + delegation + "; " + MemberTransactions.describe(committed));
      print.flush();
    }
  }

  private ConsentCommand() {}
}
