package org.medledger.node.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The node's TLS server identity: its private key and its certificate chain, the node's own
 * certificate first, then its CA's.
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
  public TlsIdentity {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS identity needs its certificate");
    }
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
