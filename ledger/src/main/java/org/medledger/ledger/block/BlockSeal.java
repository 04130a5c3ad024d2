package org.medledger.ledger.block;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.medledger.crypto.Signer;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;

/**
 * A validator's signature over a block header. A block is final when seals of a quorum of the
 * validators in force at its height are known ({@link org.medledger.ledger.governance.ValidatorSet#quorum()}).
 */
public final class BlockSeal {
  private static final byte[] DOMAIN = "medledger-seal-v1".getBytes(StandardCharsets.UTF_8);

  private final String validator;
  private final byte[] signature;

  public BlockSeal(String validator, byte[] signature) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.signature = Objects.requireNonNull(signature, "signature").clone();
  }

  /** Seals a header as the given validator. */
  public static BlockSeal sign(String validator, Signer signer, BlockHeader header) {
    return new BlockSeal(validator, signer.sign(message(header)));
  }

  public boolean verify(Verifier verifier, BlockHeader header) {
    return verifier.verify(message(header), signature);
  }

  /** What is signed: a domain tag, the chain id and the header hash. */
  static byte[] message(BlockHeader header) {
    return Digest.sha256(DOMAIN, header.chainId().getBytes(StandardCharsets.UTF_8), header.hash().toByteArray())
        .toByteArray();
  }

  public String validator() {
    return validator;
  }

  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockSeal s && validator.equals(s.validator) && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return validator.hashCode() * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "seal by " + validator;
  }
}
