package org.medledger.contracts.consent;

import org.medledger.contracts.policy.Delegation;

/** A delegation as kept on chain: its id (the delegating transaction's), the delegation, its height. */
public record DelegationEntry(String id, Delegation delegation, long height) {}
