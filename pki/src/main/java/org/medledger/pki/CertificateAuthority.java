package org.medledger.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.util.IPAddress;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Signer;

/**
 * The certificate authority of one organisation: a self-signed root that issues the certificates
 * of its people, validators and TLS endpoints, and signs its CRLs. Pure: the caller supplies the
 * time and stores the results.
 */
public final class CertificateAuthority {
  /** Certificates start a little in the past so that slightly slow clocks accept them at once. */
  static final Duration BACKDATE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern DNS_NAME =
      Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  private final OrganisationId organisation;
  private final X509Certificate certificate;
  private final Signer signer;

  public CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    try {
      this.signer = SignatureScheme.of(certificate.getPublicKey())
          .signer(new KeyPair(certificate.getPublicKey(), privateKey));
    } catch (CryptoException e) {
      throw new PkiException(PkiException.Reason.MALFORMED, "the CA key does not belong to the CA certificate", e);
    }
    this.organisation = IdentityExtension.decode(certificate).organisation();
    try {
      certificate.verify(certificate.getPublicKey());
    } catch (Exception e) {
      throw new PkiException(PkiException.Reason.MALFORMED, "CA certificate is not a valid self-signed root", e);
    }
  }

  /** Creates the self-signed root of an organisation. */
  public static CertificateAuthority createRoot(
      OrganisationId organisation, KeyPair keys, Instant now, Duration validity) {
    X500Name subject = SubjectNames.ofAuthority(organisation);
    IdentityClaims claims = IdentityClaims.of(organisation.value() + " CA", Role.REGISTRAR, organisation);
    Signer signer = SignatureScheme.of(keys.getPublic()).signer(keys);
    X509Certificate root =
        build(subject, subject, keys.getPublic(), keys.getPublic(), claims, CertificateProfile.AUTHORITY, now, validity,
            List.of(), signer);
    return new CertificateAuthority(root, keys.getPrivate());
  }

  public OrganisationId organisation() {
    return organisation;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Issues a person's or a validator's certificate for a key whose possession was already proven. */
  public X509Certificate issue(
      PublicKey subjectKey, IdentityClaims claims, CertificateProfile profile, Instant now, Duration validity) {
    requireOwnOrganisation(claims);
    if (profile == CertificateProfile.AUTHORITY) {
      throw new PkiException(PkiException.Reason.MALFORMED, "an organisation CA issues no other CA");
    }
    return build(subjectName(), SubjectNames.of(claims), subjectKey, certificate.getPublicKey(), claims, profile, now,
        validity, List.of(), signer);
  }

  /** Issues a TLS certificate for a node, valid for the given host names and IP addresses. */
  public X509Certificate issueTls(
      PublicKey subjectKey, IdentityClaims node, Collection<String> hosts, Instant now, Duration validity) {
    requireOwnOrganisation(node);
    List<GeneralName> names = new ArrayList<>();
    for (String host : hosts) {
      names.add(subjectAlternativeName(host));
    }
    return build(subjectName(), SubjectNames.of(node), subjectKey, certificate.getPublicKey(), node, CertificateProfile.TLS,
        now, validity, names, signer);
  }

  /** Signs a CRL listing the given revocations. */
  public X509CRL crl(Collection<Revocation> revocations, long crlNumber, Instant thisUpdate, Instant nextUpdate) {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(subjectName(), Date.from(thisUpdate));
    builder.setNextUpdate(Date.from(nextUpdate));
    for (Revocation revocation : revocations) {
      builder.addCRLEntry(revocation.serial(), Date.from(revocation.revokedAt()), revocation.reason().code());
    }
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(certificate.getPublicKey()));
      X509CRLHolder holder = builder.build(new SignerContentSigner(signer));
      return new JcaX509CRLConverter().getCRL(holder);
    } catch (CertIOException | CRLException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("CRL encoding failed", e);
    }
  }

  private X500Name subjectName() {
    return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  private void requireOwnOrganisation(IdentityClaims claims) {
    if (!claims.organisation().equals(organisation)) {
      throw new PkiException(PkiException.Reason.MALFORMED,
          "the " + organisation + " CA cannot certify a member of " + claims.organisation());
    }
  }

  private static X509Certificate build(
      X500Name issuer, X500Name subject, PublicKey subjectKey, PublicKey issuerKey, IdentityClaims claims,
      CertificateProfile profile, Instant now, Duration validity, List<GeneralName> altNames, Signer signer) {
    SignatureScheme.of(subjectKey); // rejects key types and sizes MedLedger does not accept
    Instant notBefore = now.minus(BACKDATE);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer, randomSerial(), Date.from(notBefore), Date.from(now.plus(validity)), subject, subjectKey);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, profile.basicConstraints());
      builder.addExtension(Extension.keyUsage, true, profile.keyUsage(subjectKey));
      if (profile.extendedKeyUsage() != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, profile.extendedKeyUsage());
      }
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
      if (!altNames.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(altNames.toArray(GeneralName[]::new)));
      }
      builder.addExtension(IdentityExtension.encode(claims));
      X509CertificateHolder holder = builder.build(new SignerContentSigner(signer));
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertIOException | CertificateException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("certificate encoding failed", e);
    }
  }

  /** A random positive 127-bit serial (RFC 5280 asks for at most 20 octets and unpredictability). */
  static BigInteger randomSerial() {
    return new BigInteger(127, RANDOM).setBit(126);
  }

  /** An IP address literal or a DNS name (RFC 1123 labels); anything else is refused. */
  static GeneralName subjectAlternativeName(String host) {
    if (host != null && IPAddress.isValid(host)) {
      return new GeneralName(GeneralName.iPAddress, host);
    }
    if (host != null && host.length() <= 253 && DNS_NAME.matcher(host).matches()) {
      return new GeneralName(GeneralName.dNSName, host);
    }
    throw new PkiException(PkiException.Reason.MALFORMED, "'" + host + "' is neither a DNS name nor an IP address");
  }
}
