/**
 * RFC 6962 / RFC 9162 Merkle trees: tree hashes, inclusion proofs and consistency proofs.
 *
 * <p>{@link MerkleTree} builds a tree over a list of leaves and produces proofs, also against any
 * earlier tree size. {@link InclusionProof} and {@link ConsistencyProof} are immutable values,
 * encoded by {@link MerkleProofCodec}. {@link MerkleVerifier} checks proofs with the algorithms of
 * RFC 9162 sections 2.1.3.2 and 2.1.4.2 and never throws.
 *
 * <p>Hashing (RFC 9162 section 2.1.1, SHA-256): a leaf hashes as {@code SHA-256(0x00 || leaf)}, an
 * interior node as {@code SHA-256(0x01 || left || right)}, the empty tree as {@code SHA-256("")}.
 *
 * <p>A proof binds a leaf (or an older tree head) to a root hash. It does not authenticate the
 * tree size by itself: the size must come from the same signed head as the root.
 */
package org.medledger.ledger.merkle;
