package org.medledger.pki;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Subject distinguished names: CN = identity name, OU = role, O = organisation. */
public final class SubjectNames {
  private SubjectNames() {}

  public static X500Name of(IdentityClaims claims) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, claims.organisation().value())
        .addRDN(BCStyle.OU, claims.role().id())
        .addRDN(BCStyle.CN, claims.name())
        .build();
  }

  public static X500Name ofAuthority(OrganisationId organisation) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, organisation.value())
        .addRDN(BCStyle.CN, organisation.value() + " MedLedger CA")
        .build();
  }

  public static String commonName(X509Certificate certificate) {
    return commonName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
  }

  public static String commonName(X500Name name) {
    RDN[] rdns = name.getRDNs(BCStyle.CN);
    if (rdns.length != 1) {
      throw new PkiException(PkiException.Reason.MALFORMED, "subject must have exactly one common name");
    }
    return IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }
}
