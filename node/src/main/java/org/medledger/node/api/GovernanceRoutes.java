package org.medledger.node.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.medledger.ledger.Digest;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceKeys;
import org.medledger.ledger.governance.Proposal;
import org.medledger.ledger.governance.ProposalIndex;
import org.medledger.ledger.governance.ValidatorSet;
import org.medledger.ledger.state.StateView;

/** {@code /v1/validators} and {@code /v1/governance}: the validator sets and proposals on chain. */
final class GovernanceRoutes {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

  private final NodeLedger ledger;

  GovernanceRoutes(NodeLedger ledger) {
    this.ledger = ledger;
  }

  /** A validator set and the blocks it seals from. */
  record ValidatorSetView(long fromHeight, int quorum, List<ValidatorView> validators) {
    static ValidatorSetView of(ValidatorSet set) {
      return new ValidatorSetView(set.fromHeight(), set.quorum(), set.validators().stream()
          .map(v -> new ValidatorView(v.id(), v.organisation(), v.address().isEmpty() ? null : v.address())).toList());
    }
  }

  /** A validator: its address is on chain only for validators added after the genesis. */
  record ValidatorView(String id, String organisation, String address) {}

  /** A proposal: open, executed (at a block) or expired. */
  record ProposalView(String id, String action, String summary, String proposer, long proposedHeight,
      String expiresAt, List<String> approvals, String status, Long executedHeight) {
    /** The proposal as of the head block's time: open until it expires unless carried out. */
    static ProposalView of(Digest id, Proposal proposal, Instant head) {
      String status = !proposal.isOpen() ? "executed" : head.isBefore(proposal.expiresAt()) ? "open" : "expired";
      return new ProposalView(id.hex(), proposal.action().kind(), proposal.action().describe(), proposal.proposer(),
          proposal.proposedHeight(), proposal.expiresAt().toString(), proposal.approvals(), status,
          proposal.isOpen() ? null : proposal.executedHeight().getAsLong());
    }
  }

  /** The latest proposals, newest first, of {@code total} made. */
  record ProposalList(long total, List<ProposalView> proposals) {}

  /** {@code GET /v1/validators}: every validator set of the chain, oldest first. */
  void validators(Context ctx) {
    ctx.json(ledger.validators().history().epochs().stream().map(ValidatorSetView::of).toList());
  }

  /** {@code GET /v1/governance/proposals[?limit=N]}: the latest proposals, newest first. */
  void proposals(Context ctx) {
    int limit = PathValues.limit(ctx);
    StateView state = ledger.chain().state();
    Instant head = headTime();
    List<ProposalView> proposals = ProposalIndex.latest(state, limit).stream()
        .map(id -> ProposalView.of(id, proposal(state, id).orElseThrow(() ->
            new IllegalStateException("proposal " + id.hex() + " is indexed but not on chain")), head))
        .toList();
    ctx.json(new ProposalList(ProposalIndex.count(state), proposals));
  }

  /** {@code GET /v1/governance/proposals/{id}}: a proposal by the id of the transaction that made it. */
  void proposal(Context ctx) {
    String text = ctx.pathParam("id");
    if (!ID.matcher(text).matches()) {
      throw new ProblemException(400, "malformed-id", "a proposal id is 64 lower-case hex digits");
    }
    Digest id = Digest.of(HexFormat.of().parseHex(text));
    Proposal proposal = proposal(ledger.chain().state(), id)
        .orElseThrow(() -> new ProblemException(404, "unknown-proposal", "no proposal " + text + " on chain"));
    ctx.json(ProposalView.of(id, proposal, headTime()));
  }

  private static Optional<Proposal> proposal(StateView state, Digest id) {
    return state.get(GovernanceKeys.proposal(id)).map(GovernanceCodec::decodeProposal);
  }

  private Instant headTime() {
    return ledger.chain().header(ledger.chain().height()).orElseThrow().timestamp();
  }
}
