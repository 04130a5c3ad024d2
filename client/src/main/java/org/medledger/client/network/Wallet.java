package org.medledger.client.network;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Signer;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.Pem;

/**
 * A member's wallet: the private key (encrypted PKCS#8, openable by {@code openssl pkcs8}), the
 * certificate and the issuing CA's certificate, in one PEM file readable by the owner only.
 */
public record Wallet(PrivateKey privateKey, X509Certificate certificate, X509Certificate authority) {

  public Signer signer() {
    return SignatureScheme.of(certificate.getPublicKey()).signer(new KeyPair(certificate.getPublicKey(), privateKey));
  }

  public IdentityClaims claims() {
    return IdentityExtension.decode(certificate);
  }

  public String toPem(Passphrase passphrase) {
    return EncryptedPrivateKeys.toPem(privateKey, passphrase) + Pem.write(certificate, authority);
  }

  /** Writes the wallet to a new file; refuses to replace an existing one. */
  public void writeNew(Path file, Passphrase passphrase) {
    AtomicFiles.writeNew(file, toPem(passphrase), true);
  }

  public static Wallet read(Path file, Passphrase passphrase) {
    return parse(AtomicFiles.read(file), passphrase, file.toString());
  }

  static Wallet parse(String pem, Passphrase passphrase, String source) {
    List<X509Certificate> certificates = Pem.certificates(pem);
    if (certificates.size() != 2) {
      throw new NetworkFileException(source + " is not a MedLedger wallet (expected a key and two certificates)");
    }
    PrivateKey key = EncryptedPrivateKeys.fromPem(pem, passphrase);
    Wallet wallet = new Wallet(key, certificates.get(0), certificates.get(1));
    byte[] probe = {0x4d, 0x4c};
    if (!SignatureScheme.of(wallet.certificate.getPublicKey()).verifier(wallet.certificate.getPublicKey())
        .verify(probe, wallet.signer().sign(probe))) {
      throw new NetworkFileException(source + ": the private key does not belong to the certificate");
    }
    return wallet;
  }
}
