package org.medledger.bench.load;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.CertificateCodec;

/** {@link SignatureKeys} over a fixed set of certificates: one cached {@link Verifier} per certificate. */
final class CertificateKeys implements SignatureKeys {
  private final Map<Digest, PublicKey> keys = new ConcurrentHashMap<>();
  private final Map<Digest, Verifier> verifiers = new ConcurrentHashMap<>();

  CertificateKeys(Collection<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("at least one signer's certificate is needed");
    }
    for (X509Certificate certificate : certificates) {
      keys.put(CertificateCodec.fingerprint(certificate), certificate.getPublicKey());
    }
  }

  @Override
  public Verifier verifier(Digest fingerprint) {
    return verifiers.computeIfAbsent(fingerprint, fp -> {
      PublicKey key = keys.get(fp);
      if (key == null) {
        throw new IllegalArgumentException("no signer of this load has certificate " + fp);
      }
      return SignatureScheme.of(key).verifier(key);
    });
  }

  /** The signature scheme of (one of) the certificates. */
  SignatureScheme scheme() {
    return SignatureScheme.of(keys.values().iterator().next());
  }
}
