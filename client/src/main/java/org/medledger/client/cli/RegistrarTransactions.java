package org.medledger.client.cli;

import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.Wallet;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.crypto.Passphrase;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.OrganisationId;

/**
 * An organisation's registrar acting on chain: transactions signed with the registrar's wallet
 * ({@code orgs/<org>/admin.wallet.pem}), submitted to a running node, and waited for until
 * committed. A transaction the chain refuses is an error.
 */
final class RegistrarTransactions {
  private final NodeClient node;
  private final TransactionSigner signer;

  RegistrarTransactions(NodeClient node, NetworkLayout layout, OrganisationId organisation, Passphrase passphrase) {
    this.node = node;
    Wallet registrar = Wallet.read(layout.adminWallet(organisation), passphrase);
    this.signer = new TransactionSigner(layout.readGenesis().chainId(), registrar.signer(), registrar.certificate());
  }

  /** Submits one transaction and waits for its commit; returns the committed receipt. */
  CommittedTransaction commit(TransactionType type, byte[] payload) {
    CommittedTransaction committed = node.submit(signer.sign(type, payload));
    if (!committed.success()) {
      throw new CliException("the chain refused the " + type + " transaction: " + committed.receipt().result().code()
          + ": " + committed.receipt().result().message());
    }
    return committed;
  }

  /** Records a certificate the organisation's CA issued. */
  CommittedTransaction recordCertificate(java.security.cert.X509Certificate certificate) {
    try {
      return commit(org.medledger.ledger.identity.IdentityContract.RECORD, certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("the new certificate cannot be encoded", e);
    }
  }

  /** One line for the user: where the transaction landed. */
  static String describe(CommittedTransaction committed) {
    return "on chain: transaction " + committed.receipt().transaction().id().hex().substring(0, 16)
        + "… in block " + committed.receipt().header().height() + (committed.finalised() ? " (final)" : " (committed)");
  }
}
