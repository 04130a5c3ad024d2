package org.medledger.contracts.relationship;

import org.medledger.contracts.policy.PatientId;

/** The payload of {@code relationship.end}: which relationship of which patient ends (at the block time). */
public record RelationshipEnd(PatientId patient, String relationshipId) {}
