package org.medledger.pki;

import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Signer;

/** PKCS#10 certification requests: made by a key's owner, checked by the CA. */
public final class CertificationRequests {
  private CertificationRequests() {}

  /** A request for the given name, signed with the owner's key: the proof of possession. */
  public static PKCS10CertificationRequest create(Signer owner, X500Name subject) {
    return new JcaPKCS10CertificationRequestBuilder(subject, owner.publicKey())
        .build(new SignerContentSigner(owner));
  }

  public static PKCS10CertificationRequest decode(byte[] der) {
    try {
      return new PKCS10CertificationRequest(der);
    } catch (IOException | RuntimeException e) {
      throw new PkiException(PkiException.Reason.BAD_CSR, "malformed certificate request");
    }
  }

  /**
   * Checks the request's self-signature (proof that the requester holds the private key) and that
   * its key is one MedLedger accepts, and returns that key.
   */
  public static PublicKey verify(PKCS10CertificationRequest request) {
    PublicKey key;
    try {
      key = new JcaPKCS10CertificationRequest(request).getPublicKey();
      SignatureScheme.of(key);
    } catch (CryptoException e) {
      throw new PkiException(PkiException.Reason.UNSUPPORTED_KEY,
          "certificate request key not accepted: " + e.getMessage());
    } catch (Exception e) {
      throw new PkiException(PkiException.Reason.BAD_CSR, "certificate request has an unreadable public key");
    }
    SignatureScheme scheme = SignatureScheme.of(key);
    boolean signed;
    try {
      signed = request.getSignatureAlgorithm().equals(scheme.algorithmIdentifier())
          && scheme.verifier(key).verify(request.toASN1Structure().getCertificationRequestInfo().getEncoded(),
              request.getSignature());
    } catch (IOException | RuntimeException e) {
      signed = false;
    }
    if (!signed) {
      throw new PkiException(PkiException.Reason.BAD_CSR,
          "certificate request signature does not match its key (no proof of possession)");
    }
    return key;
  }

  /** The common name the request asks for. */
  public static String requestedName(PKCS10CertificationRequest request) {
    return SubjectNames.commonName(request.getSubject());
  }
}
