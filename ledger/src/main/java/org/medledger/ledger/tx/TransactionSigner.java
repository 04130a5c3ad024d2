package org.medledger.ledger.tx;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.medledger.crypto.Signer;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;

/** Signs transactions for one identity on one chain: the client side of every transaction. */
public final class TransactionSigner {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String chainId;
  private final Signer signer;
  private final SignerId signerId;
  private final org.medledger.ledger.Digest fingerprint;

  public TransactionSigner(String chainId, Signer signer, X509Certificate certificate) {
    if (!signer.publicKey().equals(certificate.getPublicKey())) {
      throw new IllegalArgumentException("the signing key does not belong to the certificate");
    }
    IdentityClaims claims = IdentityExtension.decode(certificate);
    this.chainId = chainId;
    this.signer = signer;
    this.signerId = new SignerId(claims.organisation(), claims.name());
    this.fingerprint = CertificateCodec.fingerprint(certificate);
  }

  public SignerId signerId() {
    return signerId;
  }

  public SignedTransaction sign(TransactionType type, byte[] payload) {
    byte[] nonce = new byte[TransactionBody.NONCE_LENGTH];
    RANDOM.nextBytes(nonce);
    TransactionBody body = new TransactionBody(chainId, type, payload, signerId, fingerprint, nonce);
    return new SignedTransaction(body, signer.sign(LedgerCodec.encode(body)));
  }
}
