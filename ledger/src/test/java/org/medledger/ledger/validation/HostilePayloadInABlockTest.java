package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/** A payload that trips the payload check must cost its sender one failed result, not the block. */
class HostilePayloadInABlockTest {
  private final TestConsortium consortium = TestConsortium.standard();
  private final TestLedger ledger = new TestLedger(consortium);

  /**
   * Regression (IdentityExtension.decode → IdentityContract.checkPayload → Rules.PayloadWellFormed →
   * BlockExecutor.execute): the ArrayIndexOutOfBoundsException escapes execute(), so one
   * transaction from anyone — no certificate on chain needed — stops every block it is batched in.
   */
  @Test
  void aCraftedCertificateRecordFromAStrangerFailsAloneAndTheBlockCommits() throws Exception {
    Member stranger = consortium.issue("st-mary", "stranger", Role.PATIENT);
    X509Certificate crafted = CraftedCertificates.withAttributeEntry(new DERUTF8String("department"));
    SignedTransaction hostile = stranger.signer().sign(IdentityContract.RECORD, crafted.getEncoded());
    SignedTransaction honest = consortium.registrar("st-mary").signer().sign(EchoContract.ECHO,
        ValidationFixture.bytes("hello"));

    ExecutedBlock executed = ledger.commit(hostile, honest);

    assertThat(executed.block().results()).extracting(TransactionResult::code)
        .containsExactly(RejectionCode.MALFORMED_PAYLOAD.id(), TransactionResult.OK);
  }
}
