package org.medledger.ledger.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.merkle.MerkleVerifier;
import org.medledger.ledger.merkle.VerificationResult;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

class BlockExecutorTest {
  private final TestConsortium consortium = TestConsortium.standard();
  private final TestLedger ledger = new TestLedger(consortium);
  private final TestConsortium.Member registrar = consortium.registrar("st-mary");

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private SignedTransaction record(TestConsortium.Member by, X509Certificate certificate) throws Exception {
    return by.signer().sign(IdentityContract.RECORD, certificate.getEncoded());
  }

  private TestConsortium.Member enrolledPhysician() throws Exception {
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    assertThat(ledger.commit(record(registrar, alice.certificate())).block().results().get(0).success()).isTrue();
    return alice;
  }

  @Test
  void aRecordedIdentityCanTransactAndItsWritesReachTheState() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, bytes("hello"));
    ExecutedBlock executed = ledger.commit(echo);
    TransactionResult result = executed.block().results().get(0);
    assertThat(result.success()).isTrue();
    assertThat(result.events()).singleElement().satisfies(e -> assertThat(e.attributes()).containsEntry("by", "dr-alice"));
    assertThat(ledger.chain().state().get(EchoContract.key(echo.id()))).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("hello")));
  }

  @Test
  void anIdentityNotYetRecordedIsRejectedAndChangesNothing() {
    TestConsortium.Member bob = consortium.issue("st-mary", "dr-bob", Role.PHYSICIAN);
    SignedTransaction echo = bob.signer().sign(EchoContract.ECHO, bytes("hello"));
    ExecutedBlock executed = ledger.commit(echo);
    assertThat(executed.block().results().get(0).code()).isEqualTo("unknown-certificate");
    assertThat(executed.changes().isEmpty()).isTrue();
    assertThat(ledger.chain().state().get(EchoContract.key(echo.id()))).isEmpty();
  }

  @Test
  void aRevocationTakesEffectFromTheBlockThatCommitsIt() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    SignedTransaction before = alice.signer().sign(EchoContract.ECHO, bytes("before"));
    SignedTransaction revoke = registrar.signer().sign(IdentityContract.REVOKE, IdentityContract.revokePayload(
        CertificateCodec.fingerprint(alice.certificate()), RevocationReason.KEY_COMPROMISE));
    SignedTransaction sameBlockAfter = alice.signer().sign(EchoContract.ECHO, bytes("same block"));
    Block block = ledger.commit(before, revoke, sameBlockAfter).block();
    assertThat(block.results()).extracting(TransactionResult::code).containsExactly("ok", "ok", "certificate-revoked");

    SignedTransaction later = alice.signer().sign(EchoContract.ECHO, bytes("later"));
    TransactionResult result = ledger.commit(later).block().results().get(0);
    assertThat(result.success()).isFalse();
    assertThat(result.code()).isEqualTo("certificate-revoked");
    assertThat(result.message()).contains("block " + block.height());
  }

  @Test
  void aFailedTransactionInABatchChangesNothingAndTheOthersApply() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    SignedTransaction good = alice.signer().sign(EchoContract.ECHO, bytes("good"));
    SignedTransaction refused = alice.signer().sign(EchoContract.ECHO, bytes("refuse"));
    SignedTransaction alsoGood = alice.signer().sign(EchoContract.ECHO, bytes("also good"));
    ExecutedBlock executed = ledger.commit(good, refused, alsoGood);
    assertThat(executed.block().results()).extracting(TransactionResult::code).containsExactly("ok", "refused", "ok");
    assertThat(ledger.chain().state().get(EchoContract.key(refused.id()))).isEmpty();
    assertThat(executed.changes().writes()).containsOnlyKeys(EchoContract.key(good.id()), EchoContract.key(alsoGood.id()));
  }

  @Test
  void aReplayedTransactionIsLeftOutOfTheSameBlockAndOfLaterOnes() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, bytes("once"));
    assertThat(ledger.commit(echo, echo).block().transactions()).containsExactly(echo);
    assertThat(ledger.commit(echo).block().transactions()).isEmpty();
  }

  @Test
  void aSecondSignatureOverTheSameBodyIsTheSameTransaction() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    SignedTransaction echo = alice.signer().sign(EchoContract.ECHO, bytes("once"));
    byte[] body = org.medledger.ledger.codec.LedgerCodec.encode(echo.body());
    SignedTransaction resigned = new SignedTransaction(echo.body(),
        org.medledger.crypto.SignatureScheme.ECDSA_P256_SHA256.signer(alice.keys()).sign(body));
    assertThat(resigned.signature()).isNotEqualTo(echo.signature());
    assertThat(resigned.id()).isEqualTo(echo.id());
    assertThat(ledger.commit(echo, resigned).block().transactions()).containsExactly(echo);
  }

  @Test
  void aRegistrarActsOnlyForItsOwnOrganisation() {
    TestConsortium.Member foreign = consortium.issue("city-clinic", "dr-carol", Role.PHYSICIAN);
    TransactionResult result = ledger.commit(registrarRecording(foreign)).block().results().get(0);
    assertThat(result.code()).isEqualTo("foreign-organisation");
  }

  private SignedTransaction registrarRecording(TestConsortium.Member member) {
    try {
      return record(registrar, member.certificate());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void onlyRegistrarsRecordCertificates() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    TestConsortium.Member bob = consortium.issue("st-mary", "dr-bob", Role.PHYSICIAN);
    assertThat(ledger.commit(record(alice, bob.certificate())).block().results().get(0).code()).isEqualTo("role-not-allowed");
  }

  @Test
  void aCertificateIsRecordedOnceAndRevokedOnce() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    assertThat(ledger.commit(record(registrar, alice.certificate())).block().results().get(0).code())
        .isEqualTo("already-recorded");
    byte[] revoke = IdentityContract.revokePayload(CertificateCodec.fingerprint(alice.certificate()), RevocationReason.SUPERSEDED);
    assertThat(ledger.commit(registrar.signer().sign(IdentityContract.REVOKE, revoke),
        registrar.signer().sign(IdentityContract.REVOKE, revoke)).block().results())
        .extracting(TransactionResult::code).containsExactly("ok", "already-revoked");
  }

  @Test
  void aCertificateFromAnotherOrganisationsCaIsNotAcceptedAsOurs() {
    TestConsortium outsiders = TestConsortium.standard(); // same organisation names, different CAs
    TestConsortium.Member impostor = outsiders.issue("st-mary", "dr-eve", Role.PHYSICIAN);
    TransactionResult result = ledger.commit(registrarRecording(impostor)).block().results().get(0);
    assertThat(result.code()).isEqualTo("invalid-certificate");
  }

  @Test
  void theSameTransactionsOnTwoFreshChainsGiveIdenticalBlocksAndState() throws Exception {
    TestLedger other = new TestLedger(consortium);
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    List<SignedTransaction> first = List.of(record(registrar, alice.certificate()));
    List<SignedTransaction> second = List.of(alice.signer().sign(EchoContract.ECHO, bytes("a")),
        alice.signer().sign(EchoContract.ECHO, bytes("refuse")), alice.signer().sign(EchoContract.ECHO, bytes("b")));
    for (List<SignedTransaction> batch : List.of(first, second)) {
      Block a = ledger.commit(batch.toArray(SignedTransaction[]::new)).block();
      Block b = other.commit(batch.toArray(SignedTransaction[]::new)).block();
      assertThat(a.header().hash()).isEqualTo(b.header().hash());
    }
    assertThat(ledger.chain().stateRoot()).isEqualTo(other.chain().stateRoot());
  }

  @Test
  void blockTimeNeverGoesBackwards() throws Exception {
    Instant head = ledger.commit().block().header().timestamp();
    Block next = ledger.commitAt(head.minus(Duration.ofMinutes(1))).block();
    assertThat(next.header().timestamp()).isEqualTo(head);
  }

  @Test
  void headersLinkAndCommitToTheirTransactionsAndResults() throws Exception {
    TestConsortium.Member alice = enrolledPhysician();
    Block block = ledger.commit(alice.signer().sign(EchoContract.ECHO, bytes("x")),
        alice.signer().sign(EchoContract.ECHO, bytes("y"))).block();
    Block previous = ledger.chain().block(block.height() - 1).orElseThrow();
    assertThat(block.header().previousHash()).isEqualTo(previous.header().hash());
    assertThat(block.header().transactionCount()).isEqualTo(2);
    var txTree = BlockRoots.transactionsTree(block);
    var proof = txTree.inclusionProof(1);
    assertThat(MerkleVerifier.verifyInclusionOfLeaf(block.transactions().get(1).encoded(), proof,
        BlockRoots.merkle(block.header().transactionsRoot()))).isEqualTo(VerificationResult.VALID);
    assertThat(BlockRoots.digest(BlockRoots.resultsTree(block).root())).isEqualTo(block.header().resultsRoot());
  }
}
