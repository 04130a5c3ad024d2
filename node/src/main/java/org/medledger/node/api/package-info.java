/**
 * The node's HTTPS API, versioned under {@code /v1}: submit a signed transaction and wait for its
 * receipt, read receipts, blocks and the node's status. The only package that imports Javalin.
 * Every error is an RFC 9457 {@code application/problem+json} body, mapped in {@link Problems}.
 */
package org.medledger.node.api;
