package org.medledger.ledger.governance;

import java.util.ArrayList;
import java.util.List;
import org.medledger.ledger.Digest;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;

/**
 * The proposals in the order they were made, kept append-only in the world state: a count under
 * {@link GovernanceKeys#PROPOSALS} and the id of each proposal under {@link
 * GovernanceKeys#proposalAt(long)}. Adding one costs one read and two writes however many there
 * are; reading the latest {@code n} costs {@code n + 1} reads.
 */
public final class ProposalIndex {
  private ProposalIndex() {}

  /** How many proposals have been made. */
  public static long count(StateView state) {
    return state.get(GovernanceKeys.PROPOSALS).map(GovernanceCodec::decodeProposalCount).orElse(0L);
  }

  /** The ids of the latest proposals, newest first, at most {@code limit} of them. */
  public static List<Digest> latest(StateView state, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("a limit is not negative: " + limit);
    }
    long count = count(state);
    List<Digest> ids = new ArrayList<>((int) Math.min(limit, count));
    for (long n = count - 1; n >= 0 && ids.size() < limit; n--) {
      long position = n;
      ids.add(state.get(GovernanceKeys.proposalAt(position)).map(GovernanceCodec::decodeProposalId)
          .orElseThrow(() -> new IllegalStateException("proposal " + position + " is counted but not indexed")));
    }
    return ids;
  }

  /** Adds a new proposal at the end of the index. */
  static void append(TxContext context, Digest id) {
    long count = context.get(GovernanceKeys.PROPOSALS).map(GovernanceCodec::decodeProposalCount).orElse(0L);
    context.put(GovernanceKeys.proposalAt(count), GovernanceCodec.encodeProposalId(id));
    context.put(GovernanceKeys.PROPOSALS, GovernanceCodec.encodeProposalCount(count + 1));
  }
}
