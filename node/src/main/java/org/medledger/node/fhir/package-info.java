/**
 * FHIR R4 at the edge: {@link org.medledger.node.fhir.ConsentResources} writes and reads the FHIR
 * Consent resources (HAPI FHIR, JSON) that go with the consents kept on chain. Only this package
 * imports HAPI FHIR for consents; the chain holds the structured consent and the SHA-256 of the
 * JSON, never the JSON itself.
 */
package org.medledger.node.fhir;
