package org.medledger.client.cli;

import java.time.Duration;
import java.time.Instant;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Registrar;

/**
 * An organisation's registrar acting on chain: transactions signed with the registrar's wallet
 * ({@code orgs/<org>/admin.wallet.pem}), submitted to a running node, and waited for until
 * committed. A transaction the chain refuses is an error.
 */
final class RegistrarTransactions {
  private final MemberTransactions registrar;

  RegistrarTransactions(NodeClient node, NetworkLayout layout, OrganisationId organisation, Passphrase passphrase) {
    this.registrar = new MemberTransactions(node, layout.readGenesis().chainId(),
        Wallet.read(layout.adminWallet(organisation), passphrase));
  }

  /** The registrar of {@code --org}, through {@code --node} or a running node of the network. */
  static RegistrarTransactions of(CaCommand.OrganisationOptions target, CaCommand.NodeOption nodeOption,
      CliContext context) {
    AuthorityStore store = target.store();
    return new RegistrarTransactions(nodeOption.connect(target), target.layout(), store.organisation(),
        context.passphrases().authority(store.organisation()));
  }

  /** Submits one transaction and waits for its commit; returns the committed receipt. */
  CommittedTransaction commit(TransactionType type, byte[] payload) {
    return registrar.commit(type, payload);
  }

  /** A registration in the CA's records and on chain: the enrollment secret and the committed transaction. */
  record Registered(String secret, CommittedTransaction committed) {}

  /**
   * Registers an identity with the organisation's CA and on chain, in one step: the CA keeps the
   * registration only if the chain committed it.
   */
  Registered register(AuthorityStore store, IdentityClaims claims, Instant now, Duration secretLifetime) {
    CommittedTransaction[] committed = new CommittedTransaction[1];
    String secret = store.update(records -> {
      Registrar.Outcome<String> registered = Registrar.register(records, store.organisation(), claims, now,
          secretLifetime);
      committed[0] = commit(IdentityContract.REGISTER, IdentityCodec.registerPayload(claims));
      return registered;
    });
    return new Registered(secret, committed[0]);
  }

  /** Records a certificate the organisation's CA issued. */
  CommittedTransaction recordCertificate(java.security.cert.X509Certificate certificate) {
    try {
      return commit(IdentityContract.RECORD, certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("the new certificate cannot be encoded", e);
    }
  }

  /** One line for the user: where the transaction landed. */
  static String describe(CommittedTransaction committed) {
    return MemberTransactions.describe(committed);
  }
}
