package org.medledger.contracts.access;

import java.time.Instant;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Party;
import org.medledger.pki.Role;

/**
 * The audit record of one access request, kept under {@code access/decision/<tx id>}: who asked
 * (as the chain knew them), what for, what was decided and why, in which block at which time.
 */
public record DecisionRecord(Party.Person requester, Role role, RequestPayload request, Decision decision,
    long height, Instant time) {}
