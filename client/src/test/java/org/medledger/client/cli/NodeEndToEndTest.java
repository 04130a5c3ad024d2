package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.client.sdk.NodeException;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.StorageLayout;
import org.medledger.node.storage.rocksdb.RocksChainStore;

/**
 * A network made by {@code network init}, one real node on it (HTTPS on a free port, RocksDB), a
 * registrar's transaction through the client SDK, then the offline checks of the CLI:
 * {@code verify-receipt} and {@code verify-chain}, intact and tampered.
 */
class NodeEndToEndTest {
  @TempDir Path temp;
  private TestNetwork network;
  private Node node;
  private NodeConfig config;

  @BeforeEach
  void startNode() {
    network = TestNetwork.create(temp, "net", "--validators", "1"); // one validator: its own seal is a quorum
    config = NodeConfigFile.read(network.layout().nodeConfig("validator-1"))
        .withApi(new NodeConfig.Listen("127.0.0.1", 0));
    node = Node.start(config, Passphrase.of(Cli.PASSPHRASE.toCharArray()));
  }

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private NodeClient client() {
    Genesis genesis = network.layout().readGenesis();
    return new NodeClient(URI.create("https://localhost:" + node.apiPort()), genesis.authorities());
  }

  private SignedTransaction recordCertificate(Path memberWallet) throws Exception {
    Passphrase passphrase = Passphrase.of(Cli.PASSPHRASE.toCharArray());
    Wallet admin = Wallet.read(network.adminWallet(TestNetwork.ST_MARY), passphrase);
    Wallet member = Wallet.read(memberWallet, passphrase);
    return new TransactionSigner(network.layout().readGenesis().chainId(), admin.signer(), admin.certificate())
        .sign(IdentityContract.RECORD, member.certificate().getEncoded());
  }

  @Test
  void aCommittedTransactionsReceiptVerifiesOfflineAndTheChainVerifiesIntact() throws Exception {
    Path alice = network.member(TestNetwork.ST_MARY, "dr-alice", "physician");
    CommittedTransaction committed = client().submit(recordCertificate(alice));
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

    node.close();
    node = null;
    Cli.Result chain = network.cli().run("verify-chain", "--data", config.data().toString());
    assertThat(chain.exitCode()).as(chain.out() + chain.err()).isZero();
    assertThat(chain.out()).contains("intact");
  }

  @Test
  void aTamperedStoreIsNamedAtItsHeightAndAMissingOneIsUnreadable() throws Exception {
    client().submit(recordCertificate(network.member(TestNetwork.ST_MARY, "dr-alice", "physician")));
    node.close();
    node = null;
    try (RocksChainStore store = RocksChainStore.open(config.data())) {
      byte[] key = StorageLayout.heightKey(1);
      byte[] block = store.raw().raw(Column.BLOCKS, key).orElseThrow();
      block[block.length - 3] ^= 1;
      store.raw().overwriteRaw(Column.BLOCKS, key, block);
    }
    Cli.Result tampered = network.cli().run("verify-chain", "--data", config.data().toString());
    assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isEqualTo(1);
    assertThat(tampered.out()).contains("block 1");

    Cli.Result missing = network.cli().run("verify-chain", "--data", temp.resolve("nowhere").toString(),
        "--genesis", network.layout().genesis().toString());
    assertThat(missing.exitCode()).isEqualTo(2);
  }

  @Test
  void aRefusedTransactionIsAClearErrorFromTheNode() throws Exception {
    SignedTransaction once = recordCertificate(network.member(TestNetwork.ST_MARY, "dr-alice", "physician"));
    client().submit(once);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client().submit(once))
        .isInstanceOfSatisfying(NodeException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.code()).isEqualTo("replay");
        });
  }
}
