package org.medledger.client.network;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
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
  private Enrollment() {}

  public static Wallet enroll(
      AuthorityStore store, Registrar registrar, String name, String secret, SignatureScheme scheme, Instant now) {
    IdentityClaims.requireValidName(name);
    KeyPair keys = scheme.generateKeyPair();
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, store.organisation().value())
        .addRDN(BCStyle.CN, name)
        .build();
    PKCS10CertificationRequest request = CertificationRequests.create(scheme.signer(keys), subject);
    X509Certificate certificate = store.update(records -> registrar.enroll(records, name, secret, request, now));
    return new Wallet(keys.getPrivate(), certificate, registrar.authority().certificate());
  }
}
