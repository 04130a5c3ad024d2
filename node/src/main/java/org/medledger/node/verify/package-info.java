/**
 * Offline verification: {@link org.medledger.node.verify.ChainVerifier} re-checks a node's whole
 * data directory against the genesis file (hash links, Merkle roots, the transaction index, seals,
 * and a full re-execution of every transaction from the genesis state), and
 * {@link org.medledger.node.verify.ReceiptChecks} checks one receipt file. Both only read; both
 * answer with a typed verdict and a one-line reason instead of throwing.
 */
package org.medledger.node.verify;
