package org.medledger.ledger.validation;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.pki.IdentityExtension;

/** Certificates no MedLedger CA would issue, built with BouncyCastle, for payload checks. */
final class CraftedCertificates {
  private CraftedCertificates() {}

  /**
   * A self-signed certificate whose MedLedger identity extension holds one attribute entry that is
   * a SEQUENCE of the given elements instead of a (key, value) pair.
   */
  static X509Certificate withAttributeEntry(ASN1Encodable... entry) throws Exception {
    ASN1Encodable identity = new DERSequence(new ASN1Encodable[] {
        new ASN1Integer(1), new DERUTF8String("physician"), new DERUTF8String("st-mary"),
        new DERSequence(new DERSequence(entry))});
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    X500Name subject = new X500Name("O=st-mary,OU=physician,CN=dr-crafty");
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.TEN,
        Date.from(TestConsortium.GENESIS_TIME), Date.from(TestConsortium.GENESIS_TIME.plus(Duration.ofDays(30))),
        subject, keys.getPublic());
    builder.addExtension(IdentityExtension.OID, false, identity);
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }
}
