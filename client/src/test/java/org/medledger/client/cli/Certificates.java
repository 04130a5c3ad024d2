package org.medledger.client.cli;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** Readable views of certificate fields for assertions. */
final class Certificates {
  private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
      "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};

  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private Certificates() {}

  /** The key usage bits that are set, by their RFC 5280 names. */
  static Set<String> keyUsage(X509Certificate certificate) {
    Set<String> names = new LinkedHashSet<>();
    boolean[] bits = certificate.getKeyUsage();
    for (int i = 0; bits != null && i < bits.length && i < KEY_USAGES.length; i++) {
      if (bits[i]) {
        names.add(KEY_USAGES[i]);
      }
    }
    return names;
  }

  static Duration validity(X509Certificate certificate) {
    return Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
  }

  /** The subject as RFC 2253 text, e.g. {@code CN=dr-eve,OU=physician,O=st-mary}. */
  static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
