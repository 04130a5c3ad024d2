package org.medledger.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM text for certificates, CRLs and certification requests (in-memory; callers do the I/O). */
public final class Pem {
  private Pem() {}

  /** Writes objects BouncyCastle knows (certificates, CRLs, CSRs) as concatenated PEM blocks. */
  public static String write(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new IllegalStateException("PEM encoding failed", e);
    }
    return out.toString();
  }

  /** All certificates in the text, in order; other PEM blocks (keys, CRLs) are skipped. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object object : objects(pem)) {
      if (object instanceof X509CertificateHolder holder) {
        try {
          certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
          throw new PkiException(PkiException.Reason.MALFORMED, "malformed certificate", e);
        }
      }
    }
    return certificates;
  }

  /** The one certificate the text must hold first. */
  public static X509Certificate certificate(String pem) {
    List<X509Certificate> all = certificates(pem);
    if (all.isEmpty()) {
      throw new PkiException(PkiException.Reason.MALFORMED, "no PEM certificate found");
    }
    return all.get(0);
  }

  public static X509CRL crl(String pem) {
    for (Object object : objects(pem)) {
      if (object instanceof X509CRLHolder holder) {
        try {
          return new JcaX509CRLConverter().getCRL(holder);
        } catch (CRLException e) {
          throw new PkiException(PkiException.Reason.MALFORMED, "malformed CRL", e);
        }
      }
    }
    throw new PkiException(PkiException.Reason.MALFORMED, "no PEM CRL found");
  }

  public static PKCS10CertificationRequest certificationRequest(String pem) {
    for (Object object : objects(pem)) {
      if (object instanceof PKCS10CertificationRequest csr) {
        return csr;
      }
    }
    throw new PkiException(PkiException.Reason.BAD_CSR, "no PEM certificate request found");
  }

  private static List<Object> objects(String pem) {
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new PkiException(PkiException.Reason.MALFORMED, "malformed PEM data (damaged or not PEM text)", e);
    }
    return objects;
  }
}
