package org.medledger.contracts.access;

/** The payload of {@code access.review}: which break-glass grant, and the auditor's outcome. */
public record BreakGlassReview(String grantId, ReviewOutcome outcome) {}
