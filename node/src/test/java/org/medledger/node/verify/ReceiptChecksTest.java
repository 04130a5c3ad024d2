package org.medledger.node.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.Receipts;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.rocksdb.RocksChainStore;

/** verify-receipt over receipt files cut from a real stored chain. */
class ReceiptChecksTest {
  private static final TestConsortium CONSORTIUM = TestConsortium.standard();

  @TempDir
  static Path temp;

  private static TestChain chain;
  private static byte[] refusedReceipt;
  private static byte[] acceptedReceipt;

  @BeforeAll
  static void cutReceipts() {
    chain = TestChain.build(CONSORTIUM, temp.resolve("chain"));
    try (RocksChainStore store = RocksChainStore.openReadOnly(chain.directory)) {
      refusedReceipt = receiptFile(store, chain.block(4).transactions().get(0));
      acceptedReceipt = receiptFile(store, chain.block(4).transactions().get(1));
    }
  }

  private static byte[] receiptFile(RocksChainStore store, SignedTransaction tx) {
    long height = store.locate(tx.id()).orElseThrow().height();
    Receipt receipt = Receipts.of(store, tx.id(), store.seals(height)).orElseThrow();
    return LedgerCodec.encode(receipt);
  }

  @Test
  void aReceiptFileOfACommittedTransactionIsValid() {
    ReceiptReport report = ReceiptChecks.check(acceptedReceipt, CONSORTIUM.genesis());

    print(report);
    assertThat(report.verdict()).isEqualTo(ReceiptVerdict.VALID);
    assertThat(report.verdict().exitCode()).isZero();
    assertThat(report.reason()).isEqualTo("transaction " + chain.block(4).transactions().get(1).id().hex()
        + " succeeded; committed at height 4, sealed by 1 of 1 validators");
  }

  @Test
  void aReceiptOfARefusedTransactionIsValidAndSaysSo() {
    ReceiptReport report = ReceiptChecks.check(refusedReceipt, CONSORTIUM.genesis());

    print(report);
    assertThat(report.valid()).isTrue();
    assertThat(report.reason()).contains(" was refused (certificate-revoked: revoked on chain at block 3");
  }

  @Test
  void everyFlippedByteMakesTheReceiptInvalid() {
    ReceiptChecks checks = new ReceiptChecks(CONSORTIUM.genesis());
    for (int i = 0; i < acceptedReceipt.length; i++) {
      byte[] flipped = acceptedReceipt.clone();
      flipped[i] ^= 0x01;
      ReceiptReport report = checks.check(flipped);
      assertThat(report.verdict()).as("byte %d: %s", i, report.reason()).isEqualTo(ReceiptVerdict.INVALID);
      assertThat(report.reason()).doesNotContain("\n");
    }
    byte[] flipped = acceptedReceipt.clone();
    flipped[flipped.length - 1] ^= 0x01; // inside the seal's signature
    print(ReceiptChecks.check(flipped, CONSORTIUM.genesis()));
    flipped = acceptedReceipt.clone();
    flipped[3] ^= 0x01;
    print(ReceiptChecks.check(flipped, CONSORTIUM.genesis()));
  }

  @Test
  void bytesThatAreNoReceiptAreInvalid() {
    ReceiptReport report = ReceiptChecks.check("hello, world".getBytes(StandardCharsets.UTF_8), CONSORTIUM.genesis());

    print(report);
    assertThat(report.verdict()).isEqualTo(ReceiptVerdict.INVALID);
    assertThat(report.reason()).startsWith(ReceiptChecks.NOT_A_RECEIPT);
    assertThat(report.receipt()).isEmpty();
    assertThat(ReceiptChecks.check(new byte[0], CONSORTIUM.genesis()).verdict()).isEqualTo(ReceiptVerdict.INVALID);
  }

  @Test
  void aReceiptCheckedAgainstAnotherNetworksGenesisIsInvalid() {
    ReceiptReport report = ReceiptChecks.check(acceptedReceipt, TestConsortium.standard().genesis());

    print(report);
    assertThat(report.verdict()).isEqualTo(ReceiptVerdict.INVALID);
    assertThat(report.reason()).isEqualTo("the seal of validator-1 does not verify for this header");
  }

  private static void print(ReceiptReport report) {
    System.out.println("[verify-receipt] " + report.verdict() + " | " + report.message());
  }
}
