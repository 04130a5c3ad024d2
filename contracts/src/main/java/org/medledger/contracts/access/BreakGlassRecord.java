package org.medledger.contracts.access;

import java.time.Instant;
import java.util.Optional;
import org.medledger.contracts.policy.BreakGlass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.ledger.Digest;

/**
 * A break-glass grant as kept on chain, under {@code access/break-glass/grant/<tx id>}: who declared
 * the emergency for whom, the SHA-256 of the written reason (never the text), from when until
 * when, and the auditor's review once recorded.
 */
public record BreakGlassRecord(String id, Party.Person requester, PatientId patient, Digest reasonSha256,
    Instant grantedAt, Instant expiresAt, long height, Optional<Review> review) {

  /** An auditor's review of the grant. */
  public record Review(ReviewOutcome outcome, Party.Person reviewer, Instant at, long height) {}

  /**
   * The grant as the policy decision point sees it. Its reason is a reference to the hash
   * ({@code sha256:<hex>}): the decision point only needs to know a reason was given.
   */
  public BreakGlass toPolicy() {
    return new BreakGlass(requester, patient, "sha256:" + reasonSha256.hex(), grantedAt, expiresAt,
        review.isPresent());
  }

  public BreakGlassRecord reviewed(Review how) {
    return new BreakGlassRecord(id, requester, patient, reasonSha256, grantedAt, expiresAt, height, Optional.of(how));
  }
}
