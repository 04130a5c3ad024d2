package org.medledger.ledger.tx;

import java.util.Arrays;
import java.util.Objects;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.LedgerCodec;

/**
 * A transaction body with its signature. Its id is the SHA-256 of the encoding that was signed
 * (the body): ECDSA signatures are malleable, so an id over the signature would let anyone make a
 * second valid copy with another id and slip it past replay protection.
 */
public final class SignedTransaction {
  private final TransactionBody body;
  private final byte[] signature;
  private final byte[] encoded;
  private final Digest id;

  public SignedTransaction(TransactionBody body, byte[] signature) {
    this.body = Objects.requireNonNull(body, "body");
    this.signature = Objects.requireNonNull(signature, "signature").clone();
    this.encoded = LedgerCodec.encodeTransaction(body, this.signature);
    this.id = Digest.sha256(LedgerCodec.encode(body));
  }

  public TransactionBody body() {
    return body;
  }

  public byte[] signature() {
    return signature.clone();
  }

  public Digest id() {
    return id;
  }

  /** The canonical encoding (a copy). */
  public byte[] encoded() {
    return encoded.clone();
  }

  public int encodedLength() {
    return encoded.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTransaction t && Arrays.equals(encoded, t.encoded);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "tx " + id.hex().substring(0, 12) + " " + body;
  }
}
