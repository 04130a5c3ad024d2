package org.medledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.BreakGlassReview;
import org.medledger.contracts.access.BreakGlassReviewContract;
import org.medledger.contracts.access.ReviewOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** An auditor's review of break-glass accesses: list the open ones, record an outcome on chain. */
@Command(name = "review", mixinStandardHelpOptions = true, description = {
    "An auditor reviews break-glass accesses: --open lists those awaiting review; --grant ID --outcome",
    "appropriate|inappropriate records the review on chain."})
final class ReviewCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin MemberOptions member;
  private final CliContext context;

  @Option(names = "--open", description = "List the break-glass accesses awaiting review.")
  boolean open;

  @Option(names = "--grant", paramLabel = "ID", description = "The break-glass grant reviewed.")
  String grant;

  @Option(names = "--outcome", paramLabel = "OUTCOME", description = "appropriate or inappropriate.")
  String outcome;

  ReviewCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    if (open == (grant != null) || (grant != null) != (outcome != null)) {
      throw new CliException("give either --open, or --grant ID with --outcome appropriate|inappropriate");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (open) {
      JsonNode reviews = member.connect().openReviews(member.requestSigner(context));
      if (reviews.isEmpty()) {
        out.println("no break-glass access awaits review");
      }
      for (JsonNode r : reviews) {
        out.println(r.path("grant").asText() + "  " + r.path("requester").asText() + " → " + r.path("patient").asText()
            + ", granted " + r.path("grantedAt").asText() + ", review due " + r.path("reviewDue").asText()
            + (r.path("overdue").asBoolean(false) ? " (OVERDUE)" : ""));
      }
    } else {
      ReviewOutcome parsed = ReviewOutcome.parse(outcome);
      CommittedTransaction committed = member.transactions(context).commit(BreakGlassReviewContract.REVIEW,
          AccessCodec.reviewPayload(new BreakGlassReview(grant, parsed)));
      out.println("reviewed break-glass grant " + grant + ": " + parsed.id() + "; "
          + MemberTransactions.describe(committed));
    }
    out.flush();
  }
}
