/**
 * The policy decision point of MedLedger and the values it decides on: a pure function {@link
 * org.medledger.contracts.policy.PolicyDecisionPoint#decide} of an {@link
 * org.medledger.contracts.policy.AccessRequest} and a {@link
 * org.medledger.contracts.policy.PolicyState} (consents, treating relationships, delegations,
 * break-glass grants, the policy in force) to a {@link org.medledger.contracts.policy.Decision}.
 * Plain immutable values, validated on creation; no persistence, no clock, no I/O.
 */
package org.medledger.contracts.policy;
