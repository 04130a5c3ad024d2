package org.medledger.ledger.tx;

import java.util.Arrays;
import java.util.Objects;
import org.medledger.ledger.Digest;
import org.medledger.ledger.Text;

/**
 * What a signer signs: the chain, the type and payload, who signs with which certificate, and a
 * random nonce that makes every transaction unique.
 */
public final class TransactionBody {
  public static final int FORMAT = 1;
  public static final int NONCE_LENGTH = 16;

  private final String chainId;
  private final TransactionType type;
  private final byte[] payload;
  private final SignerId signer;
  private final Digest certificateFingerprint;
  private final byte[] nonce;

  public TransactionBody(
      String chainId, TransactionType type, byte[] payload, SignerId signer, Digest certificateFingerprint,
      byte[] nonce) {
    this.chainId = Text.requireWellFormed(Objects.requireNonNull(chainId, "chainId"), "the chain id");
    this.type = Objects.requireNonNull(type, "type");
    this.payload = Objects.requireNonNull(payload, "payload").clone();
    this.signer = Objects.requireNonNull(signer, "signer");
    this.certificateFingerprint = Objects.requireNonNull(certificateFingerprint, "certificateFingerprint");
    if (nonce == null || nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("a nonce has " + NONCE_LENGTH + " bytes");
    }
    this.nonce = nonce.clone();
  }

  public String chainId() {
    return chainId;
  }

  public TransactionType type() {
    return type;
  }

  public byte[] payload() {
    return payload.clone();
  }

  public int payloadLength() {
    return payload.length;
  }

  public SignerId signer() {
    return signer;
  }

  public Digest certificateFingerprint() {
    return certificateFingerprint;
  }

  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionBody b && chainId.equals(b.chainId) && type.equals(b.type)
        && Arrays.equals(payload, b.payload) && signer.equals(b.signer)
        && certificateFingerprint.equals(b.certificateFingerprint) && Arrays.equals(nonce, b.nonce);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, type, Arrays.hashCode(payload), signer, certificateFingerprint, Arrays.hashCode(nonce));
  }

  @Override
  public String toString() {
    return type + " by " + signer + " (" + payload.length + " payload bytes)";
  }
}
