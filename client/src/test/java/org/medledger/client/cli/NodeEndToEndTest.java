package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.client.cli.CliAssertions.assertRefused;
import static org.medledger.client.cli.CliAssertions.assertSucceeded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.Enrollment;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeException;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.StorageLayout;
import org.medledger.node.storage.rocksdb.RocksChainStore;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Registrar;
import org.medledger.pki.Role;

/**
 * A network made by {@code network init}, one real node on it (HTTPS on a free port, RocksDB): the
 * CA commands act on chain through it, transactions go through the client SDK, and the offline
 * checks of the CLI ({@code verify-receipt}, {@code verify-chain}) see the result, intact and
 * tampered.
 */
class NodeEndToEndTest {
  private static final Passphrase PASSPHRASE = Passphrase.of(Cli.PASSPHRASE.toCharArray());

  @TempDir Path temp;
  private TestNetwork network;

  @BeforeEach
  void startNode() {
    network = TestNetwork.running(temp, "net", "--validators", "1"); // one validator: its own seal is a quorum
  }

  @AfterEach
  void stopNode() {
    network.close();
  }

  private TransactionSigner signer(Path wallet) {
    Wallet opened = Wallet.read(wallet, PASSPHRASE);
    return new TransactionSigner(network.layout().readGenesis().chainId(), opened.signer(), opened.certificate());
  }

  /** A registration signed by St Mary's registrar, sent through the SDK rather than the CLI. */
  private SignedTransaction registration(String name) {
    return signer(network.adminWallet(TestNetwork.ST_MARY)).sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(IdentityClaims.of(name, Role.PATIENT, OrganisationId.of(TestNetwork.ST_MARY))));
  }

  /** What the node answers to a transaction this wallet signs (a registration, which only registrars may send). */
  private String refusalOfATransactionSignedBy(Path wallet) {
    SignedTransaction tx = signer(wallet).sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(IdentityClaims.of("anyone", Role.PATIENT, OrganisationId.of(TestNetwork.ST_MARY))));
    try {
      network.client().submit(tx);
      return "accepted";
    } catch (NodeException e) {
      return e.code();
    }
  }

  @Test
  void anEnrolledMemberIsKnownOnChainAndARevokedOneIsRefusedFromTheNextBlock() {
    Path alice = network.member(TestNetwork.ST_MARY, "dr-alice", "physician");
    assertThat(refusalOfATransactionSignedBy(alice)).isEqualTo("role-not-allowed"); // known, valid, not a registrar

    Cli.Result revoked = assertSucceeded(network.cli().run("ca", "revoke", "--network", network.dir(),
        "--org", TestNetwork.ST_MARY, "--name", "dr-alice", "--reason", "key-compromise"));
    assertThat(revoked.out()).contains("revocation on chain: transaction");
    assertThat(refusalOfATransactionSignedBy(alice)).isEqualTo("certificate-revoked");
  }

  @Test
  void aCertificateIssuedByTheCaButNeverRecordedIsUnknownOnChain() {
    AuthorityStore store = new AuthorityStore(network.layout(), OrganisationId.of(TestNetwork.ST_MARY));
    Registrar registrar = store.registrar(PASSPHRASE);
    IdentityClaims claims = IdentityClaims.of("dr-offline", Role.PHYSICIAN, store.organisation());
    Instant now = Instant.now();
    String secret = store.update(records -> Registrar.register(records, store.organisation(), claims, now,
        Duration.ofHours(1)));
    Path wallet = temp.resolve("offline.wallet.pem");
    Enrollment.enroll(store, registrar, "dr-offline", secret, SignatureScheme.ECDSA_P256_SHA256, now,
        certificate -> {}).writeNew(wallet, PASSPHRASE);

    assertThat(refusalOfATransactionSignedBy(wallet)).isEqualTo("unknown-certificate");
  }

  @Test
  void aRegistrationTheChainRefusesLeavesTheCaRecordsUnchanged() throws Exception {
    assertThat(network.client().submit(registration("pat-quinn")).success()).isTrue(); // on chain, not at the CA
    DirectorySnapshot before = DirectorySnapshot.of(network.root());

    Cli.Result result = network.cli().run("ca", "register", "--network", network.dir(), "--org", TestNetwork.ST_MARY,
        "--name", "pat-quinn", "--role", "patient");
    assertRefused(result, "the chain refused", "already-registered");
    assertThat(DirectorySnapshot.of(network.root())).isEqualTo(before);
  }

  @Test
  void aCommittedTransactionsReceiptVerifiesOfflineAndTheChainVerifiesIntact() throws Exception {
    CommittedTransaction committed = network.client().submitAndAwaitFinality(registration("pat-quinn"));
    assertThat(committed.success()).isTrue();
    assertThat(committed.finalised()).isTrue();

    Path receipt = temp.resolve("receipt.bin");
    Files.write(receipt, LedgerCodec.encode(committed.receipt()));
    Cli.Result result = network.cli().run("verify-receipt", receipt.toString(), "--genesis",
        network.layout().genesis().toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).contains("receipt valid");

    byte[] forged = Files.readAllBytes(receipt);
    forged[forged.length / 2] ^= 1;
    Files.write(receipt, forged);
    assertThat(network.cli().run("verify-receipt", receipt.toString(), "--genesis",
        network.layout().genesis().toString()).exitCode()).isEqualTo(1);

    network.member(TestNetwork.ST_MARY, "dr-alice", "physician");
    network.stopNodes();
    Cli.Result chain = network.cli().run("verify-chain", "--data", network.nodeData().toString(),
        "--genesis", network.layout().genesis().toString());
    assertThat(chain.exitCode()).as(chain.out() + chain.err()).isZero();
    assertThat(chain.out()).contains("intact");
  }

  @Test
  void aTamperedStoreIsNamedAtItsHeightAndAMissingOneIsUnreadable() throws Exception {
    network.member(TestNetwork.ST_MARY, "dr-alice", "physician");
    network.stopNodes();
    try (RocksChainStore store = RocksChainStore.open(network.nodeData())) {
      byte[] key = StorageLayout.heightKey(1);
      byte[] block = store.raw().raw(Column.BLOCKS, key).orElseThrow();
      block[block.length - 3] ^= 1;
      store.raw().overwriteRaw(Column.BLOCKS, key, block);
    }
    Cli.Result tampered = network.cli().run("verify-chain", "--data", network.nodeData().toString(),
        "--genesis", network.layout().genesis().toString());
    assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(1);
    assertThat(tampered.out()).contains("block 1");

    Cli.Result missing = network.cli().run("verify-chain", "--data", temp.resolve("nowhere").toString(),
        "--genesis", network.layout().genesis().toString());
    assertThat(missing.exitCode()).isEqualTo(2);
  }

  @Test
  void aReplayedTransactionIsAClearErrorFromTheNode() {
    SignedTransaction once = registration("pat-quinn");
    network.client().submit(once);
    assertThatThrownBy(() -> network.client().submit(once))
        .isInstanceOfSatisfying(NodeException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("replay");
        });
  }
}
