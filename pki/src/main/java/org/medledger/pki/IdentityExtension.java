package org.medledger.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The MedLedger identity extension: role, organisation and attributes of the subject, non-critical
 * so that standard tools (openssl) still validate the certificate, and printable by them.
 *
 * <pre>
 * MedLedgerIdentity ::= SEQUENCE {
 *   version      INTEGER (1),
 *   role         UTF8String,
 *   organisation UTF8String,
 *   attributes   SEQUENCE OF SEQUENCE { key UTF8String, value UTF8String } }
 * </pre>
 *
 * The OID sits under the UUID arc {@code 2.25} (ITU-T X.667), which needs no registration.
 */
public final class IdentityExtension {
  public static final ASN1ObjectIdentifier OID =
      new ASN1ObjectIdentifier("2.25.203560575839417364468519852986815447516");
  private static final int VERSION = 1;

  private IdentityExtension() {}

  public static Extension encode(IdentityClaims claims) {
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    claims
        .attributes()
        .forEach(
            (key, value) ->
                attributes.add(new DERSequence(new ASN1Encodable[] {new DERUTF8String(key), new DERUTF8String(value)})));
    DERSequence body =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1Integer(VERSION),
              new DERUTF8String(claims.role().id()),
              new DERUTF8String(claims.organisation().value()),
              new DERSequence(attributes)
            });
    try {
      return new Extension(OID, false, body.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }

  /** Reads the claims of a MedLedger certificate; the subject's common name is the identity name. */
  public static IdentityClaims decode(X509Certificate certificate) {
    byte[] wrapped = certificate.getExtensionValue(OID.getId());
    if (wrapped == null) {
      throw new PkiException(PkiException.Reason.MALFORMED, "certificate has no MedLedger identity extension");
    }
    try {
      ASN1Sequence body =
          ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
      if (body.size() != 4 || ASN1Integer.getInstance(body.getObjectAt(0)).intValueExact() != VERSION) {
        throw new PkiException(PkiException.Reason.MALFORMED, "unsupported MedLedger identity extension");
      }
      Role role = Role.parse(DERUTF8String.getInstance(body.getObjectAt(1)).getString());
      OrganisationId org = OrganisationId.of(DERUTF8String.getInstance(body.getObjectAt(2)).getString());
      SortedMap<String, String> attributes = new TreeMap<>();
      for (ASN1Encodable pair : ASN1Sequence.getInstance(body.getObjectAt(3))) {
        ASN1Sequence kv = ASN1Sequence.getInstance(pair);
        attributes.put(
            DERUTF8String.getInstance(kv.getObjectAt(0)).getString(),
            DERUTF8String.getInstance(kv.getObjectAt(1)).getString());
      }
      return new IdentityClaims(SubjectNames.commonName(certificate), role, org, attributes);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PkiException pki) {
        throw pki;
      }
      // Any shape error in attacker-supplied DER (wrong types, short sequences) is just malformed.
      throw new PkiException(PkiException.Reason.MALFORMED, "malformed MedLedger identity extension", e);
    }
  }
}
