package org.medledger.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.DecryptionFailedException;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Signer;
import org.medledger.node.tls.TlsIdentity;
import org.medledger.pki.Pem;
import org.medledger.pki.PkiException;

/**
 * Opens a node's encrypted keys: the validator wallet (one PEM file: {@code ENCRYPTED PRIVATE
 * KEY}, the validator's certificate, its CA's certificate) and the TLS key ({@code tls.key},
 * encrypted PKCS#8) with its chain ({@code tls.crt}: the node's certificate, then its CA's).
 */
public final class NodeKeys {
  private NodeKeys() {}

  /** A validator's wallet: the signer of its identity key, its certificate and its CA's. */
  public record Wallet(Signer signer, X509Certificate certificate, X509Certificate authority) {
    @Override
    public String toString() {
      return "Wallet[" + certificate.getSubjectX500Principal().getName() + "]";
    }
  }

  /** @throws NodeStartException if the file is missing, damaged, not a wallet, or the passphrase is wrong */
  public static Wallet readWallet(Path file, Passphrase passphrase) {
    String pem = read(file, "wallet");
    List<X509Certificate> certificates = certificates(pem, file);
    if (certificates.size() != 2) {
      throw new NodeStartException(file + " is not a MedLedger wallet (expected a key and two certificates)");
    }
    PrivateKey key = privateKey(pem, passphrase, file);
    return new Wallet(signer(key, certificates.get(0), file), certificates.get(0), certificates.get(1));
  }

  /** @throws NodeStartException if a file is missing or damaged, the key does not fit, or the passphrase is wrong */
  public static TlsIdentity readTls(Path certificateFile, Path keyFile, Passphrase passphrase) {
    List<X509Certificate> chain = certificates(read(certificateFile, "TLS certificate"), certificateFile);
    if (chain.isEmpty()) {
      throw new NodeStartException(certificateFile + " holds no certificate");
    }
    PrivateKey key = privateKey(read(keyFile, "TLS key"), passphrase, keyFile);
    signer(key, chain.get(0), keyFile);
    return new TlsIdentity(key, chain);
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NodeStartException(what + " file " + file + " does not exist");
    } catch (IOException e) {
      throw new NodeStartException("cannot read the " + what + " file " + file + ": " + e.getMessage());
    }
  }

  private static List<X509Certificate> certificates(String pem, Path file) {
    try {
      return Pem.certificates(pem);
    } catch (PkiException e) {
      throw new NodeStartException(file + ": " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(String pem, Passphrase passphrase, Path file) {
    try {
      return EncryptedPrivateKeys.fromPem(pem, passphrase);
    } catch (DecryptionFailedException e) {
      throw new NodeStartException("cannot open " + file + ": wrong passphrase or damaged key");
    } catch (CryptoException e) {
      throw new NodeStartException(file + ": " + e.getMessage());
    }
  }

  /** A signer for the key; refuses a key that does not belong to the certificate. */
  private static Signer signer(PrivateKey key, X509Certificate certificate, Path file) {
    try {
      return SignatureScheme.of(certificate.getPublicKey()).signer(new KeyPair(certificate.getPublicKey(), key));
    } catch (CryptoException e) {
      throw new NodeStartException(file + ": the private key does not belong to the certificate (" + e.getMessage()
          + ")");
    }
  }
}
