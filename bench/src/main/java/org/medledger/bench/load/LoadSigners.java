package org.medledger.bench.load;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.pki.OrganisationId;

/**
 * The identities that sign the load: every organisation's registrar ("admin" wallet) of a network
 * directory, in the genesis file's order of organisations. Registrars are on chain from the
 * genesis block, so their transactions pass every rule without a set-up phase. Also gives one
 * cached {@link Verifier} per certificate, as the node keeps them, for the signature-only ceiling.
 */
final class LoadSigners implements SignatureKeys {
  private final Genesis genesis;
  private final List<TransactionSigner> signers;
  private final CertificateKeys keys;

  private LoadSigners(Genesis genesis, List<TransactionSigner> signers, CertificateKeys keys) {
    this.genesis = genesis;
    this.signers = signers;
    this.keys = keys;
  }

  static LoadSigners of(Path network, Passphrase passphrase) {
    NetworkLayout layout = BenchNetwork.layout(network);
    Genesis genesis = layout.readGenesis();
    List<TransactionSigner> signers = new ArrayList<>();
    List<X509Certificate> certificates = new ArrayList<>();
    for (Genesis.Organisation org : genesis.organisations()) {
      Wallet admin = Wallet.read(layout.adminWallet(OrganisationId.of(org.id())), passphrase);
      signers.add(new TransactionSigner(genesis.chainId(), admin.signer(), admin.certificate()));
      certificates.add(admin.certificate());
    }
    return new LoadSigners(genesis, List.copyOf(signers), new CertificateKeys(certificates));
  }

  Genesis genesis() {
    return genesis;
  }

  /** One registrar per organisation, in the genesis file's order. */
  List<TransactionSigner> signers() {
    return signers;
  }

  /** The registrar of this organisation. */
  TransactionSigner registrar(OrganisationId organisation) {
    return signers.stream().filter(s -> s.signerId().organisation().equals(organisation)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no organisation '" + organisation + "' in this network"));
  }

  @Override
  public Verifier verifier(Digest fingerprint) {
    return keys.verifier(fingerprint);
  }

  SignatureScheme scheme() {
    return keys.scheme();
  }
}
