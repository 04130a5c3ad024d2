package org.medledger.client.network;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.medledger.crypto.SignatureScheme;
import org.medledger.pki.CertificationRequests;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.Registrar;

/**
 * The owner's side of enrollment: generate the key pair locally, send a CSR signed with it (the
 * proof of possession) with the one-time secret, and keep the certificate the CA returns.
 */
public final class Enrollment {
  /** For identities the genesis file records: nothing to publish. */
  public static final Consumer<X509Certificate> IN_GENESIS = certificate -> {};

  private Enrollment() {}

  /**
   * Enrolls {@code name}; {@code publish} sees the new certificate before the CA stores its records
   * and may refuse it by throwing, in which case nothing is stored and the secret stays unspent.
   */
  public static Wallet enroll(AuthorityStore store, Registrar registrar, String name, String secret,
      SignatureScheme scheme, Instant now, Consumer<X509Certificate> publish) {
    IdentityClaims.requireValidName(name);
    KeyPair keys = scheme.generateKeyPair();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, store.organisation().value())
        .addRDN(BCStyle.CN, name)
        .build();
    PKCS10CertificationRequest request = CertificationRequests.create(scheme.signer(keys), subject);
    X509Certificate certificate = store.update(records -> {
      Registrar.Outcome<X509Certificate> issued = registrar.enroll(records, name, secret, request, now);
      publish.accept(issued.value());
      return issued;
    });
    return new Wallet(keys.getPrivate(), certificate, registrar.authority().certificate());
  }
}
