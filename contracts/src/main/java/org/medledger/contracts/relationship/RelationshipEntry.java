package org.medledger.contracts.relationship;

import org.medledger.contracts.policy.Relationship;

/** A treating relationship as kept on chain: its id (the adding transaction's), the relationship, its height. */
public record RelationshipEntry(String id, Relationship relationship, long height) {}
