/**
 * The domain contracts of MedLedger beyond identity and governance: patient consent, treating
 * relationships, delegation, access requests and break-glass, decided by a pure policy decision
 * point. Deterministic, no I/O, no framework: every validator runs them alike.
 */
package org.medledger.contracts;
