package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/**
 * Replays with a malleated signature. An ECDSA signature (r, s) has a twin (r, n − s) that verifies
 * as well and that anyone can compute from a public transaction. The id covers the signed body
 * only, so the twin is the same transaction and is refused as a replay.
 */
class ReplayProtectionTest {
  private final TestConsortium consortium = TestConsortium.standard();
  private final TestLedger ledger = new TestLedger(consortium);
  private final Member registrar = consortium.registrar("st-mary");

  private Member enrolledPhysician() throws Exception {
    Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    SignedTransaction record = registrar.signer().sign(IdentityContract.RECORD, alice.certificate().getEncoded());
    assertThat(ledger.commit(record).block().results().get(0).success()).isTrue();
    return alice;
  }

  /** The same signature with s replaced by n − s: a different byte string, just as valid. */
  static byte[] malleated(byte[] derSignature, ECPublicKey key) {
    ASN1Sequence rs = ASN1Sequence.getInstance(derSignature);
    BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
    BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
    BigInteger n = key.getParams().getOrder();
    try {
      return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))})
          .getEncoded();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aMalleatedEcdsaSignatureVerifiesAndKeepsTheTransactionId() throws Exception {
    Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, ValidationFixture.bytes("prescribe 10 mg"));
    SignedTransaction twin = new SignedTransaction(echo.body(),
        malleated(echo.signature(), (ECPublicKey) alice.certificate().getPublicKey()));
    assertThat(twin.signature()).isNotEqualTo(echo.signature());
    assertThat(twin.encoded()).isNotEqualTo(echo.encoded());
    assertThat(twin.id()).isEqualTo(echo.id());
    ValidationFixture fixture = new ValidationFixture();
    fixture.record(alice);
    fixture.assertPasses(new Rules.SignatureValid(), twin);
  }

  @Test
  void aCommittedTransactionReplayedWithAMalleatedSignatureIsLeftOutOfLaterBlocks() throws Exception {
    Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, ValidationFixture.bytes("prescribe 10 mg"));
    assertThat(ledger.commit(echo).block().results().get(0).success()).isTrue();

    SignedTransaction twin = new SignedTransaction(echo.body(),
        malleated(echo.signature(), (ECPublicKey) alice.certificate().getPublicKey()));
    ExecutedBlock replayed = ledger.commit(twin);

    assertThat(replayed.block().transactions()).isEmpty();
    assertThat(replayed.changes().isEmpty()).isTrue();
    assertThat(ledger.chain().locate(twin.id())).hasValueSatisfying(at -> assertThat(at.height()).isEqualTo(2));
    assertThat(ledger.chain().block(2).orElseThrow().transactions()).containsExactly(echo);
  }

  @Test
  void aMalleatedTwinInTheSameBlockIsLeftOut() throws Exception {
    Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, ValidationFixture.bytes("prescribe 10 mg"));
    SignedTransaction twin = new SignedTransaction(echo.body(),
        malleated(echo.signature(), (ECPublicKey) alice.certificate().getPublicKey()));
    assertThat(ledger.commit(echo, twin).block().transactions()).containsExactly(echo);
  }

  @Test
  void theFreshRuleRefusesATwinOfACommittedTransaction() throws Exception {
    Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, ValidationFixture.bytes("prescribe 10 mg"));
    SignedTransaction twin = new SignedTransaction(echo.body(),
        malleated(echo.signature(), (ECPublicKey) alice.certificate().getPublicKey()));
    ValidationFixture fixture = new ValidationFixture().committed(java.util.Set.of(echo.id())::contains);
    fixture.record(alice);
    fixture.assertRejected(new Rules.Fresh(), twin, RejectionCode.REPLAY);
  }
}
