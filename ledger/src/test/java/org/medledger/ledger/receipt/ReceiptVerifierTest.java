package org.medledger.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.governance.ValidatorSet;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

class ReceiptVerifierTest {
  private final TestConsortium consortium = TestConsortium.of(List.of("st-mary", "city-clinic", "acme-insurance"), 4);
  private final TestLedger ledger = new TestLedger(consortium);
  private final ReceiptVerifier verifier = new ReceiptVerifier(consortium.genesis());
  private final Block block;

  ReceiptVerifierTest() throws Exception {
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    ledger.commit(consortium.registrar("st-mary").signer().sign(IdentityContract.RECORD, alice.certificate().getEncoded()));
    block = ledger.commit(IntStream.range(0, 5)
        .mapToObj(i -> alice.signer().sign(EchoContract.ECHO, ("tx " + i).getBytes(StandardCharsets.UTF_8)))
        .toArray(SignedTransaction[]::new)).block();
  }

  private List<BlockSeal> seals(int count) {
    return consortium.validators().subList(0, count).stream()
        .map(v -> BlockSeal.sign(org.medledger.pki.IdentityExtension.decode(v.certificate()).name(),
            SignatureScheme.of(v.keys().getPublic()).signer(v.keys()), block.header()))
        .toList();
  }

  private Receipt receipt(int index, int sealCount) {
    return Receipts.of(block, index, seals(sealCount));
  }

  @Test
  void aReceiptSealedByAQuorumVerifiesAfterAnEncodingRoundTrip() {
    for (int i = 0; i < 5; i++) {
      Receipt decoded = LedgerCodec.decodeReceipt(LedgerCodec.encode(receipt(i, 3)));
      ReceiptVerifier.Outcome outcome = verifier.verify(decoded);
      assertThat(outcome.valid()).as(outcome.reason()).isTrue();
    }
  }

  @Test
  void fewerThanAQuorumOfSealsAreNotFinal() {
    assertThat(ValidatorSet.quorum(4)).isEqualTo(3);
    assertThat(ValidatorSet.quorum(1)).isEqualTo(1);
    assertThat(ValidatorSet.quorum(7)).isEqualTo(5);
    ReceiptVerifier.Outcome outcome = verifier.verify(receipt(2, 2));
    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.reason()).contains("only 2 of the 3 seals");
  }

  @Test
  void theSameSealTwiceCountsOnce() {
    List<BlockSeal> twice = List.of(seals(2).get(0), seals(2).get(0), seals(2).get(1));
    assertThat(verifier.verify(Receipts.of(block, 0, twice)).valid()).isFalse();
  }

  @Test
  void aSealByANonValidatorIsRejected() {
    TestConsortium.Member mallory = consortium.issue("st-mary", "validator-9", Role.VALIDATOR);
    BlockSeal forged = BlockSeal.sign("validator-9",
        SignatureScheme.of(mallory.keys().getPublic()).signer(mallory.keys()), block.header());
    List<BlockSeal> seals = new java.util.ArrayList<>(seals(3));
    seals.add(forged);
    assertThat(verifier.verify(Receipts.of(block, 0, seals)).reason()).contains("not a validator");
  }

  @Test
  void aSealByAValidatorOverADifferentHeaderIsRejected() {
    BlockSeal honest = seals(1).get(0);
    BlockSeal wrong = new BlockSeal(honest.validator(), seals(2).get(1).signature());
    List<BlockSeal> seals = List.of(wrong, seals(3).get(1), seals(3).get(2));
    assertThat(verifier.verify(Receipts.of(block, 0, seals)).reason()).contains("does not verify");
  }

  @Test
  void anAlteredResultIsDetected() {
    Receipt honest = receipt(1, 3);
    TransactionResult forged = TransactionResult.failed(honest.transaction().id(), "refused", "forged");
    Receipt tampered = new Receipt(honest.transaction(), forged, honest.transactionProof(), honest.resultProof(),
        honest.header(), honest.seals());
    assertThat(verifier.verify(tampered).reason()).contains("result is not the one committed");
  }

  @Test
  void aTransactionFromAnotherPositionIsDetected() {
    Receipt first = receipt(0, 3);
    Receipt second = receipt(1, 3);
    Receipt swapped = new Receipt(second.transaction(), second.result(), first.transactionProof(), first.resultProof(),
        first.header(), first.seals());
    assertThat(verifier.verify(swapped).valid()).isFalse();
  }

  @Test
  void aBitFlipInAnyByteOfAnEncodedReceiptIsRejectedOrDetected() {
    byte[] encoded = LedgerCodec.encode(receipt(3, 3));
    for (int i = 0; i < encoded.length; i++) {
      for (int bit = i % 8; bit < 8; bit += 8) { // one bit per byte, a different one from byte to byte
        byte[] flipped = encoded.clone();
        flipped[i] ^= (byte) (1 << bit);
        boolean accepted;
        try {
          accepted = verifier.verify(LedgerCodec.decodeReceipt(flipped)).valid();
        } catch (org.medledger.ledger.codec.MalformedEncodingException e) {
          accepted = false;
        }
        assertThat(accepted).as("bit %d of byte %d", bit, i).isFalse();
      }
    }
  }

  @Test
  void aReceiptIsCheckedAgainstItsOwnChain() {
    TestConsortium other = TestConsortium.of(List.of("st-mary", "city-clinic", "acme-insurance"), 4);
    assertThat(new ReceiptVerifier(other.genesis()).verify(receipt(0, 3)).valid()).isFalse();
  }
}
