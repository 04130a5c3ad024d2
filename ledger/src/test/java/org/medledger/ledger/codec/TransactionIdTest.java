package org.medledger.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.codec.CodecSamples.body;
import static org.medledger.ledger.codec.CodecSamples.bytes;
import static org.medledger.ledger.codec.CodecSamples.digest;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * A transaction id is the SHA-256 of the encoding that was signed — the body — so it moves with
 * every body field and not with the signature (ECDSA signatures are malleable: an id over them
 * would let anyone mint a second id for a committed transaction).
 */
class TransactionIdTest {
  private static final byte[] SIGNATURE = CodecSamples.filled(70, 0x5a);

  @Test
  void theIdIsTheSha256OfTheSignedBodyEncoding() throws Exception {
    SignedTransaction tx = CodecSamples.transaction();
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(LedgerCodec.encode(tx.body()));
    assertThat(tx.id().toByteArray()).isEqualTo(expected);
    assertThat(tx.id()).isNotEqualTo(Digest.sha256(tx.encoded()));
  }

  @Test
  void aDecodedTransactionHasTheSameId() {
    SignedTransaction tx = CodecSamples.transaction();
    assertThat(LedgerCodec.decodeTransaction(tx.encoded()).id()).isEqualTo(tx.id());
  }

  @Test
  void theIdChangesIfAnyBodyFieldChanges() {
    byte[] otherNonce = body().build().nonce();
    otherNonce[15] ^= 1;
    byte[] otherPayload = bytes("hello, ledger");
    otherPayload[0] ^= 1;
    Map<String, SignedTransaction> variants = new LinkedHashMap<>();
    variants.put("original", body().signed(SIGNATURE));
    variants.put("chain id", body().chainId("medledger-prod").signed(SIGNATURE));
    variants.put("type", body().type("test.other").signed(SIGNATURE));
    variants.put("payload bit", body().payload(otherPayload).signed(SIGNATURE));
    variants.put("empty payload", body().payload(new byte[0]).signed(SIGNATURE));
    variants.put("signer organisation", body().signer("city-clinic", "dr-alice").signed(SIGNATURE));
    variants.put("signer name", body().signer("st-mary", "dr-alicE").signed(SIGNATURE));
    variants.put("fingerprint", body().fingerprint(digest(0xf1)).signed(SIGNATURE));
    variants.put("nonce", body().nonce(otherNonce).signed(SIGNATURE));

    assertThat(variants.values().stream().map(SignedTransaction::id).distinct())
        .as("every variant has its own id: %s", variants.keySet())
        .hasSize(variants.size());
  }

  @Test
  void anotherSignatureOverTheSameBodyKeepsTheIdButNotTheEncoding() {
    byte[] otherSignature = SIGNATURE.clone();
    otherSignature[69] ^= 1;
    SignedTransaction a = body().signed(SIGNATURE);
    SignedTransaction b = body().signed(otherSignature);
    SignedTransaction unsigned = body().signed(new byte[0]);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(unsigned.id()).isEqualTo(a.id());
    assertThat(b.encoded()).isNotEqualTo(a.encoded());
    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void equalTransactionsHaveEqualIdsAndHashCodes() {
    SignedTransaction a = CodecSamples.transaction();
    SignedTransaction b = CodecSamples.transaction();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.id()).isEqualTo(b.id());
  }
}
