package org.medledger.contracts.access;

import java.time.Instant;
import java.util.Optional;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Party;
import org.medledger.pki.Role;

/**
 * The audit record of one access request, kept under {@code access/decision/<tx id>}: who asked
 * (as the chain knew them), what for, what was decided and why, in which block at which time, and
 * for a break-glass permit the grant it relied on.
 */
public record DecisionRecord(Party.Person requester, Role role, RequestPayload request, Decision decision,
    long height, Instant time, Optional<String> breakGlassGrant) {
  public DecisionRecord {
    breakGlassGrant = breakGlassGrant == null ? Optional.empty() : breakGlassGrant;
  }
}
