package org.medledger.node.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.PkiException;
import org.medledger.pki.Role;

/**
 * Key and trust managers for the validators' mutual TLS, held in memory only: this node presents
 * its TLS certificate, and accepts a peer only if the peer's certificate chains to one of the
 * network's organisation CAs and names a validator.
 */
public final class TlsMaterial {
  private TlsMaterial() {}

  public static KeyManager keyManager(TlsIdentity identity) {
    try {
      // The store lives in memory only; its password is random and protects nothing at rest.
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      char[] password = Base64.getEncoder().encodeToString(random).toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("node", identity.privateKey(), password, identity.chain().toArray(X509Certificate[]::new));
      KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      return factory.getKeyManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the node's TLS key in memory: " + e.getMessage(), e);
    }
  }

  /** Trusts validators' certificates issued by these organisation CAs, and nothing else. */
  public static X509TrustManager validatorsOf(List<X509Certificate> authorities) {
    X509TrustManager pkix = pkix(authorities);
    return new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        requireValidator(chain);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
        requireValidator(chain);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
      }
    };
  }

  private static void requireValidator(X509Certificate[] chain) throws CertificateException {
    try {
      if (chain.length == 0 || IdentityExtension.decode(chain[0]).role() != Role.VALIDATOR) {
        throw new CertificateException("the peer's certificate does not name a validator");
      }
    } catch (PkiException e) {
      throw new CertificateException("the peer's certificate carries no MedLedger identity: " + e.getMessage());
    }
  }

  private static X509TrustManager pkix(List<X509Certificate> authorities) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        trust.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      return (X509TrustManager) factory.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
    }
  }
}
