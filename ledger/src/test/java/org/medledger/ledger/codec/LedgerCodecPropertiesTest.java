package org.medledger.ledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionBody;

/** Arbitrary valid values survive encode-then-decode unchanged, and encodings are one-to-one. */
class LedgerCodecPropertiesTest {

  @Property(tries = 1_000)
  void everySignedTransactionSurvivesARoundTrip(@ForAll("transactions") SignedTransaction tx) {
    SignedTransaction decoded = LedgerCodec.decodeTransaction(tx.encoded());
    assertThat(decoded).isEqualTo(tx);
    assertThat(decoded.body()).isEqualTo(tx.body());
    assertThat(decoded.signature()).isEqualTo(tx.signature());
    assertThat(decoded.id()).isEqualTo(tx.id());
  }

  @Property(tries = 1_000)
  void everyTransactionIdIsTheSha256OfItsSignedBody(@ForAll("transactions") SignedTransaction tx) throws Exception {
    assertThat(tx.id().toByteArray())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(LedgerCodec.encode(tx.body())));
  }

  @Property(tries = 1_000)
  void everyBodyEncodingDecodesBackToTheSameBody(@ForAll("bodies") TransactionBody body) {
    SignedTransaction tx = new SignedTransaction(body, new byte[0]);
    assertThat(LedgerCodec.decodeTransaction(tx.encoded()).body()).isEqualTo(body);
  }

  @Property(tries = 1_000)
  void everyResultSurvivesARoundTrip(@ForAll("results") TransactionResult result) {
    assertThat(LedgerCodec.decodeResult(LedgerCodec.encode(result))).isEqualTo(result);
  }

  @Property(tries = 1_000)
  void everyHeaderSurvivesARoundTrip(@ForAll("headers") BlockHeader header) {
    BlockHeader decoded = LedgerCodec.decodeHeader(LedgerCodec.encode(header));
    assertThat(decoded).isEqualTo(header);
    assertThat(decoded.hash()).isEqualTo(header.hash());
  }

  @Property(tries = 500)
  void everyBlockSurvivesARoundTrip(@ForAll("blocks") Block block) {
    assertThat(LedgerCodec.decodeBlock(LedgerCodec.encode(block))).isEqualTo(block);
  }

  @Property(tries = 1_000)
  void differentHeadersHaveDifferentEncodings(@ForAll("headers") BlockHeader a, @ForAll("headers") BlockHeader b) {
    assertThat(java.util.Arrays.equals(LedgerCodec.encode(a), LedgerCodec.encode(b))).isEqualTo(a.equals(b));
  }

  @Property(tries = 1_000)
  void transactionsHaveTheSameIdExactlyWhenTheirBodiesAreEqual(
      @ForAll("transactions") SignedTransaction a, @ForAll("transactions") SignedTransaction b) {
    assertThat(a.id().equals(b.id())).isEqualTo(a.body().equals(b.body()));
    assertThat(a.equals(b)).isEqualTo(a.body().equals(b.body()) && java.util.Arrays.equals(a.signature(), b.signature()));
  }

  @Property(tries = 1_000)
  void differentBodiesHaveDifferentEncodings(@ForAll("bodies") TransactionBody a, @ForAll("bodies") TransactionBody b) {
    assertThat(java.util.Arrays.equals(LedgerCodec.encode(a), LedgerCodec.encode(b))).isEqualTo(a.equals(b));
  }

  @Provide
  Arbitrary<SignedTransaction> transactions() {
    return LedgerArbitraries.transactions();
  }

  @Provide
  Arbitrary<TransactionBody> bodies() {
    return LedgerArbitraries.bodies();
  }

  @Provide
  Arbitrary<TransactionResult> results() {
    return LedgerArbitraries.results();
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return LedgerArbitraries.headers();
  }

  @Provide
  Arbitrary<Block> blocks() {
    return LedgerArbitraries.blocks();
  }
}
