/**
 * The node's HTTPS API, versioned under {@code /v1}: submit a signed transaction and wait for its
 * receipt, read receipts, blocks, the node's status, identities, governance and the policy in
 * force; and, for signed requests only ({@link org.medledger.node.api.RequestSignature}), a
 * patient's consents and access log, decisions and break-glass reviews, each for whom may read it.
 * The only package that imports Javalin. Every error is an RFC 9457 {@code
 * application/problem+json} body, mapped in {@link org.medledger.node.api.Problems}.
 */
package org.medledger.node.api;
