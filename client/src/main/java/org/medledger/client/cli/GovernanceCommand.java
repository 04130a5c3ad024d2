package org.medledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medledger.client.network.AtomicFiles;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.NetworkNodes;
import org.medledger.contracts.access.PolicyParameter;
import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.ledger.governance.GovernanceAction;
import org.medledger.node.policy.PolicyDocument;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.ledger.Digest;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Decisions of the consortium: an organisation's administrator approves a proposal on chain. */
@Command(name = "governance", description = "Propose, approve and list governance proposals; show the access policy.",
    subcommands = {GovernanceCommand.Propose.class, GovernanceCommand.Approve.class, GovernanceCommand.ListProposals.class,
        GovernanceCommand.Policy.class})
final class GovernanceCommand {

  /** --network and --node, for the public reads. */
  static final class NetworkOption {
    @Option(names = "--network", required = true, paramLabel = "DIR", description = "The network directory.")
    Path network;

    @Option(names = "--node", paramLabel = "URL", description = "The node to ask (default: a running node of the network).")
    URI node;

    NodeClient connect() {
      return new NetworkNodes(new NetworkLayout(network)).connect(Optional.ofNullable(node));
    }
  }

  @Command(name = "propose", mixinStandardHelpOptions = true, description = {
      "Propose a new access policy for your organisation (signed by its registrar): the policy document",
      "(JSON, as 'governance policy' prints it) replaces the one in force from the block of the approval",
      "that completes a majority of the organisations."})
  static final class Propose implements Runnable {
    @Spec CommandSpec spec;
    @Mixin CaCommand.OrganisationOptions target;
    @Mixin CaCommand.NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy document (JSON).")
    Path policy;

    Propose(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      if (!Files.isRegularFile(policy)) {
        throw new CliException("no file " + policy);
      }
      PolicyParameters parsed;
      try {
        parsed = PolicyDocument.parse(AtomicFiles.read(policy));
      } catch (IllegalArgumentException e) {
        throw new CliException(policy + ": " + e.getMessage());
      }
      CommittedTransaction proposal = RegistrarTransactions.of(target, nodeOption, context).commit(
          GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(
              new GovernanceAction.SetParameter(PolicyParameter.NAME, PolicyParametersCodec.encode(parsed))));
      PrintWriter out = spec.commandLine().getOut();
      printProposal(out, proposal, target);
      out.flush();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List governance proposals, newest first.")
  static final class ListProposals implements Runnable {
    @Spec CommandSpec spec;
    @Mixin NetworkOption networkOption;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public void run() {
      JsonNode proposals = networkOption.connect().proposals(limit);
      PrintWriter out = spec.commandLine().getOut();
      if (proposals.isEmpty()) {
        out.println("no proposals");
      }
      for (JsonNode p : proposals) {
        List<String> approvals = new ArrayList<>();
        p.path("approvals").forEach(a -> approvals.add(a.asText()));
        out.println(p.path("id").asText() + "  " + p.path("status").asText()
            + (p.hasNonNull("executedHeight") ? " at block " + p.path("executedHeight").asLong() : "")
            + "  " + p.path("summary").asText() + "  (proposed by " + p.path("proposer").asText() + "; approved by "
            + String.join(", ", approvals) + "; expires " + p.path("expiresAt").asText() + ")");
      }
      out.flush();
    }
  }

  @Command(name = "policy", mixinStandardHelpOptions = true, description = {
      "Print the access policy in force as a policy document (JSON): edit it and propose it with",
      "'governance propose --policy FILE'."})
  static final class Policy implements Runnable {
    @Spec CommandSpec spec;
    @Mixin NetworkOption networkOption;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      ObjectNode served = networkOption.connect().policy().deepCopy();
      served.remove(List.of("source", "digest"));
      out.print(PolicyDocument.toJson(PolicyDocument.parse(served.toString())));
      out.flush();
    }
  }
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
      CommittedTransaction approval = RegistrarTransactions.of(target, nodeOption, context)
          .commit(GovernanceContract.APPROVE, GovernanceCodec.approvePayload(id));
      PrintWriter out = spec.commandLine().getOut();
      Map<String, String> approved = event(approval, "governance.approved");
      out.println(target.organisationId() + " approved proposal " + id.hex() + " (" + approved.get("approvals") + " of "
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
    if (!changed.isEmpty()) {
      out.println("carried out: from block " + changed.get("from-height") + " the validators are "
          + changed.get("validators").replace(",", ", "));
      return true;
    }
    Map<String, String> set = event(committed, GovernanceContract.PARAMETER_SET);
    if (!set.isEmpty()) {
      out.println("carried out in block " + committed.receipt().header().height() + ": the " + set.get("name")
          + " parameter (sha256 " + set.get("digest") + ") applies to every later transaction");
      return true;
    }
    return false;
  }

  private static Map<String, String> event(CommittedTransaction committed, String name) {
    return MemberTransactions.event(committed, name);
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
