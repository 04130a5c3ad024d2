package org.medledger.pki;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What a certificate may be used for. People's certificates sign transactions and receive wrapped
 * record keys; validators sign blocks; TLS certificates secure node connections in both
 * directions (the client API and the validators' mutual TLS).
 */
public enum CertificateProfile {
  AUTHORITY,
  PERSON,
  VALIDATOR,
  TLS;

  public static CertificateProfile forRole(Role role) {
    return role.isNode() ? VALIDATOR : PERSON;
  }

  BasicConstraints basicConstraints() {
    return this == AUTHORITY ? new BasicConstraints(0) : new BasicConstraints(false);
  }

  KeyUsage keyUsage(PublicKey subjectKey) {
    boolean rsa = subjectKey instanceof RSAPublicKey;
    return switch (this) {
      case AUTHORITY -> new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature);
      // People receive record keys wrapped for their public key: RSA-OAEP or ECDH.
      case PERSON -> new KeyUsage(
          KeyUsage.digitalSignature | KeyUsage.nonRepudiation | (rsa ? KeyUsage.keyEncipherment : KeyUsage.keyAgreement));
      case VALIDATOR -> new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
      case TLS -> new KeyUsage(KeyUsage.digitalSignature | (rsa ? KeyUsage.keyEncipherment : 0));
    };
  }

  /** Extended key usage, or null where none applies (the authority). */
  ExtendedKeyUsage extendedKeyUsage() {
    return switch (this) {
      case AUTHORITY -> null;
      case PERSON, VALIDATOR -> new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
      case TLS -> new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
    };
  }
}
