package org.medledger.ledger.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A governance proposal as the state keeps it: the action, the organisation that proposed it (its
 * first approval), when it expires, the organisations that approved it in order, and the block
 * that carried it out, if any.
 */
public record Proposal(GovernanceAction action, String proposer, long proposedHeight, Instant expiresAt,
    List<String> approvals, OptionalLong executedHeight) {

  public Proposal {
    approvals = List.copyOf(approvals);
    expiresAt = Instant.ofEpochMilli(expiresAt.toEpochMilli());
  }

  public boolean isOpen() {
    return executedHeight.isEmpty();
  }

  public boolean approvedBy(String organisation) {
    return approvals.contains(organisation);
  }

  public Proposal approvedAlsoBy(String organisation) {
    List<String> all = new ArrayList<>(approvals);
    all.add(organisation);
    return new Proposal(action, proposer, proposedHeight, expiresAt, all, executedHeight);
  }

  public Proposal executedAt(long height) {
    return new Proposal(action, proposer, proposedHeight, expiresAt, approvals, OptionalLong.of(height));
  }
}
