package org.medledger.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medledger.ledger.Digest;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.PkiException;

/** The value classes refuse what the encoding could not carry or what no signer could be. */
class TransactionBodyTest {
  private static final TransactionType ECHO = TransactionType.of("test.echo");
  private static final SignerId ALICE = new SignerId(OrganisationId.of("st-mary"), "dr-alice");

  private static TransactionBody body(byte[] payload, byte[] nonce) {
    return new TransactionBody("chain", ECHO, payload, ALICE, Digest.ZERO, nonce);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15, 17, 32})
  void aNonceOfAnyLengthBut16IsRejected(int length) {
    assertThatThrownBy(() -> body(new byte[1], new byte[length]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
  }

  @Test
  void missingFieldsAreRejected() {
    byte[] nonce = new byte[16];
    assertThatThrownBy(() -> body(new byte[1], null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> body(null, nonce)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransactionBody(null, ECHO, new byte[0], ALICE, Digest.ZERO, nonce))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransactionBody("c", null, new byte[0], ALICE, Digest.ZERO, nonce))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransactionBody("c", ECHO, new byte[0], null, Digest.ZERO, nonce))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TransactionBody("c", ECHO, new byte[0], ALICE, null, nonce))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theBodyKeepsItsOwnCopiesOfPayloadAndNonce() {
    byte[] payload = {1, 2, 3};
    byte[] nonce = new byte[16];
    TransactionBody body = body(payload, nonce);
    payload[0] = 9;
    nonce[0] = 9;
    body.payload()[1] = 9;
    body.nonce()[1] = 9;
    assertThat(body.payload()).containsExactly(1, 2, 3);
    assertThat(body.nonce()).containsOnly(0);
    assertThat(body.payloadLength()).isEqualTo(3);
  }

  @Test
  void bodiesWithEqualFieldsAreEqual() {
    assertThat(body(new byte[] {1}, new byte[16])).isEqualTo(body(new byte[] {1}, new byte[16]))
        .hasSameHashCodeAs(body(new byte[] {1}, new byte[16]))
        .isNotEqualTo(body(new byte[] {2}, new byte[16]));
  }

  @Test
  void theStringFormDoesNotShowThePayload() {
    assertThat(body("secret diagnosis".getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[16]).toString())
        .doesNotContain("secret")
        .contains("test.echo")
        .contains("dr-alice@st-mary");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " alice", "alice<script>", "a\nb"})
  void aSignerNameThatIsNoValidIdentityNameIsRejected(String name) {
    assertThatThrownBy(() -> new SignerId(OrganisationId.of("st-mary"), name)).isInstanceOf(PkiException.class);
  }

  @Test
  void aSignerNeedsAnOrganisation() {
    assertThatThrownBy(() -> new SignerId(null, "dr-alice")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSignedTransactionKeepsItsOwnCopyOfTheSignature() {
    byte[] signature = {1, 2, 3};
    SignedTransaction tx = new SignedTransaction(body(new byte[] {1}, new byte[16]), signature);
    Digest id = tx.id();
    signature[0] = 9;
    tx.signature()[1] = 9;
    assertThat(tx.signature()).containsExactly(1, 2, 3);
    assertThat(tx.id()).isEqualTo(id);
    assertThatThrownBy(() -> new SignedTransaction(body(new byte[] {1}, new byte[16]), null))
        .isInstanceOf(NullPointerException.class);
  }
}
