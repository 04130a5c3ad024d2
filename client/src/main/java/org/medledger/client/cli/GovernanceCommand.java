package org.medledger.client.cli;

import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.Map;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Decisions of the consortium: an organisation's administrator approves a proposal on chain. */
@Command(name = "governance", description = "Approve governance proposals (e.g. validator changes).",
    subcommands = {GovernanceCommand.Approve.class})
final class GovernanceCommand {
  @Command(name = "approve", mixinStandardHelpOptions = true, description = {
      "Approve a proposal for your organisation (signed by its registrar). The change is carried",
      "out in the block of the approval that completes a majority of the organisations."})
  static final class Approve implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PROPOSAL", description = "The proposal's id (64 hex digits).")
    String proposal;

    Approve(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      Digest id = proposalId(proposal);
      AuthorityStore store = target.store();
      NodeClient node = nodeOption.connect(target);
      RegistrarTransactions chain = new RegistrarTransactions(node, target.layout(), store.organisation(),
          context.passphrases().authority(store.organisation()));
      CommittedTransaction approval = chain.commit(GovernanceContract.APPROVE, GovernanceCodec.approvePayload(id));
      PrintWriter out = spec.commandLine().getOut();
      Map<String, String> approved = event(approval, "governance.approved");
      out.println(store.organisation() + " approved proposal " + id.hex() + " (" + approved.get("approvals") + " of "
          + approved.get("threshold") + " organisations needed); " + RegistrarTransactions.describe(approval));
      printOutcome(out, approval);
      out.flush();
    }
  }

  /** What a proposal transaction did, and how the other organisations approve it. */
  static void printProposal(PrintWriter out, CommittedTransaction proposal, CaCommand.OrganisationOptions target) {
    Map<String, String> proposed = event(proposal, "governance.proposed");
    out.println("proposed: " + proposed.get("summary") + "; " + RegistrarTransactions.describe(proposal));
    out.println("proposal " + proposal.receipt().transaction().id().hex() + ": approved by "
        + proposed.get("organisation") + ", " + proposed.get("threshold") + " organisations needed");
    if (!printOutcome(out, proposal)) {
      out.println("other organisations approve with: medledger governance approve --network " + target.network
          + " --org ORG " + proposal.receipt().transaction().id().hex());
    }
  }

  private static boolean printOutcome(PrintWriter out, CommittedTransaction committed) {
    Map<String, String> changed = event(committed, GovernanceContract.VALIDATORS_CHANGED);
    if (changed.isEmpty()) {
      return false;
    }
    out.println("carried out: from block " + changed.get("from-height") + " the validators are "
        + changed.get("validators").replace(",", ", "));
    return true;
  }

  private static Map<String, String> event(CommittedTransaction committed, String name) {
    return committed.receipt().result().events().stream().filter(e -> e.name().equals(name))
        .reduce((first, second) -> second).map(Event::attributes).map(Map::copyOf).orElse(Map.of());
  }

  private static Digest proposalId(String text) {
    try {
      byte[] bytes = HexFormat.of().parseHex(text);
      if (bytes.length == Digest.LENGTH) {
        return Digest.of(bytes);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new CliException("'" + text + "' is not a proposal id (64 hex digits, as 'validator add' printed it)");
  }
}
