package org.medledger.bench.load;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.pki.OrganisationId;

/**
 * The identities that sign the load: every organisation's registrar ("admin" wallet) of a network
 * directory. Registrars are on chain from the genesis block, so their transactions pass every
 * rule without a set-up phase. Also gives one cached {@link Verifier} per certificate, as the node
 * keeps them, for the signature-only ceiling.
 */
final class LoadSigners {
  private final Genesis genesis;
  private final List<TransactionSigner> signers;
  private final Map<Digest, PublicKey> keys;
  private final Map<Digest, Verifier> verifiers = new ConcurrentHashMap<>();

  private LoadSigners(Genesis genesis, List<TransactionSigner> signers, Map<Digest, PublicKey> keys) {
    this.genesis = genesis;
    this.signers = signers;
    this.keys = keys;
  }

  static LoadSigners of(Path network, Passphrase passphrase) {
    NetworkLayout layout = BenchNetwork.layout(network);
    Genesis genesis = layout.readGenesis();
    List<TransactionSigner> signers = new ArrayList<>();
    Map<Digest, PublicKey> keys = new ConcurrentHashMap<>();
    for (Genesis.Organisation org : genesis.organisations()) {
      Wallet admin = Wallet.read(layout.adminWallet(OrganisationId.of(org.id())), passphrase);
      signers.add(new TransactionSigner(genesis.chainId(), admin.signer(), admin.certificate()));
      keys.put(CertificateCodec.fingerprint(admin.certificate()), admin.certificate().getPublicKey());
    }
    return new LoadSigners(genesis, List.copyOf(signers), keys);
  }

  Genesis genesis() {
    return genesis;
  }

  List<TransactionSigner> signers() {
    return signers;
  }

  /** The verifier for the certificate with this fingerprint (one per certificate, reused). */
  Verifier verifier(Digest fingerprint) {
    return verifiers.computeIfAbsent(fingerprint, fp -> {
      PublicKey key = keys.get(fp);
      if (key == null) {
        throw new IllegalArgumentException("no signer of this network has certificate " + fp);
      }
      return SignatureScheme.of(key).verifier(key);
    });
  }

  SignatureScheme scheme() {
    return signers.isEmpty() ? null : SignatureScheme.of(keys.values().iterator().next());
  }
}
