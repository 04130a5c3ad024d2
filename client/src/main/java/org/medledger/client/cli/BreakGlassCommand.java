package org.medledger.client.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.medledger.client.network.AtomicFiles;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.BreakGlassContract;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.tx.SignedTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Emergency access (ETREAT): a physician or nurse declares an emergency with a written reason and
 * gets time-limited access, flagged, shown to the patient and due for an auditor's review. Only
 * the SHA-256 of the reason goes on chain; the text is kept beside the wallet for the reviewer.
 */
@Command(name = "break-glass", mixinStandardHelpOptions = true, description = {
    "Declare an emergency for a patient (ETREAT) with a written reason: access for a limited time,",
    "flagged, shown to the patient, and reviewed by an auditor. Then use 'access request --purpose ETREAT'."})
final class BreakGlassCommand implements Runnable {
  /** The shortest written reason accepted: a reviewer must be able to judge it. */
  static final int MIN_REASON = 20;

  @Spec CommandSpec spec;
  @Mixin MemberOptions member;
  private final CliContext context;

  @Option(names = "--patient", required = true, paramLabel = "NAME@ORG", description = "The patient in the emergency.")
  String patient;

  @Option(names = "--reason", required = true, paramLabel = "TEXT",
      description = "Why (at least " + MIN_REASON + " characters); kept off chain, its SHA-256 on chain.")
  String reason;

  BreakGlassCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    PatientId subject = PolicyArguments.patient(patient);
    if (reason.strip().length() < MIN_REASON) {
      throw new CliException("write the reason out (at least " + MIN_REASON + " characters): an auditor reviews it");
    }
    MemberTransactions chain = member.transactions(context);
    SignedTransaction transaction = chain.sign(BreakGlassContract.BREAK_GLASS,
        AccessCodec.breakGlassPayload(subject, reason));
    Path kept = member.walletFile.toAbsolutePath().resolveSibling("break-glass")
        .resolve(transaction.id().hex() + ".txt");
    if (Files.exists(kept)) {
      throw new CliException(kept + " already exists");
    }
    CommittedTransaction committed = chain.commit(transaction);
    AtomicFiles.writeNew(kept, reason.strip() + "\n", true);
    Map<String, String> grant = MemberTransactions.event(committed, "access.break-glass");
    PrintWriter out = spec.commandLine().getOut();
    out.println("break-glass access to " + subject + " granted until " + grant.get("expires") + " (grant "
        + grant.get("grant") + "); flagged, shown to the patient, review due by " + grant.get("review-by"));
    out.println("written reason kept at " + kept + " (sha256 " + grant.get("reason-sha256") + " on chain)");
    out.println(MemberTransactions.describe(committed));
    out.flush();
  }
}
