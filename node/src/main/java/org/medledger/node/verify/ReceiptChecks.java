package org.medledger.node.verify;

import java.util.Objects;
import java.util.Optional;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.ReceiptVerifier;

/**
 * {@code verify-receipt}: checks a receipt file offline against the genesis file with
 * {@link ReceiptVerifier} (Merkle proofs of the transaction and its result against the header,
 * the validator-set changes the receipt carries followed from the genesis validators, and seals
 * of a quorum of the set in force over the header). Never throws for anything in the file. What
 * such a check cannot rule out (a change left out of the receipt) is said at
 * {@link ReceiptVerifier}; {@code verify-chain} can.
 */
public final class ReceiptChecks {
  /** The reason given for bytes that do not decode as a receipt. */
  public static final String NOT_A_RECEIPT = "not a MedLedger receipt";

  private final ReceiptVerifier verifier;

  /** Checks for receipts of the network of this genesis (its validators' keys are read once). */
  public ReceiptChecks(Genesis genesis) {
    this.verifier = new ReceiptVerifier(Objects.requireNonNull(genesis, "genesis"));
  }

  /** Checks the bytes of a receipt file against a genesis. */
  public static ReceiptReport check(byte[] receiptFile, Genesis genesis) {
    return new ReceiptChecks(genesis).check(receiptFile);
  }

  /** Checks the bytes of a receipt file. */
  public ReceiptReport check(byte[] receiptFile) {
    Objects.requireNonNull(receiptFile, "receiptFile");
    Receipt receipt;
    try {
      receipt = LedgerCodec.decodeReceipt(receiptFile);
    } catch (MalformedEncodingException e) {
      return new ReceiptReport(ReceiptVerdict.INVALID,
          NOT_A_RECEIPT + " (" + Texts.firstSentence(e.getMessage()) + ")", Optional.empty());
    }
    ReceiptVerifier.Outcome outcome = verifier.verify(receipt);
    if (!outcome.valid()) {
      return new ReceiptReport(ReceiptVerdict.INVALID, Texts.clean(outcome.reason()), Optional.of(receipt));
    }
    TransactionResult result = receipt.result();
    String what = "transaction " + receipt.transaction().id().hex() + " "
        + (result.success() ? "succeeded" : "was refused (" + Texts.describe(result) + ")");
    return new ReceiptReport(ReceiptVerdict.VALID, what + "; " + outcome.reason(), Optional.of(receipt));
  }
}
