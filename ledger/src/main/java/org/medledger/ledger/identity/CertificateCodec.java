package org.medledger.ledger.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.codec.pb.CertificateRecord;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.PkiException;

/** Encodes certificate entries for the world state, and parses DER certificates. */
public final class CertificateCodec {
  private CertificateCodec() {}

  public static X509Certificate parse(byte[] der) {
    try {
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      if (!java.util.Arrays.equals(certificate.getEncoded(), der)) {
        throw new MalformedEncodingException("certificate is not in DER form");
      }
      return certificate;
    } catch (CertificateException | RuntimeException e) {
      if (e instanceof MalformedEncodingException m) {
        throw m;
      }
      throw new MalformedEncodingException("not an X.509 certificate");
    }
  }

  public static Digest fingerprint(X509Certificate certificate) {
    try {
      return Digest.sha256(certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new MalformedEncodingException("certificate cannot be encoded");
    }
  }

  public static byte[] encode(CertificateEntry entry) {
    try {
      CertificateRecord.Builder builder = CertificateRecord.newBuilder()
          .setCertificate(ByteString.copyFrom(entry.certificate().getEncoded()))
          .setRecordedHeight(entry.recordedHeight());
      entry.revocation().ifPresent(r -> builder.setRevoked(true)
          .setRevokedAtMillis(r.at().toEpochMilli())
          .setRevokedHeight(r.height())
          .setRevocationReason(r.reason()));
      entry.suspension().ifPresent(x -> builder.setSuspended(true)
          .setSuspendedHeight(x.height())
          .setSuspensionReason(x.reason()));
      return builder.build().toByteArray();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("certificate cannot be encoded", e);
    }
  }

  public static CertificateEntry decode(byte[] bytes) {
    try {
      CertificateRecord record = CertificateRecord.parseFrom(bytes);
      X509Certificate certificate = parse(record.getCertificate().toByteArray());
      Optional<CertificateEntry.OnChainRevocation> revocation = record.getRevoked()
          ? Optional.of(new CertificateEntry.OnChainRevocation(Instant.ofEpochMilli(record.getRevokedAtMillis()),
              record.getRevokedHeight(), record.getRevocationReason()))
          : Optional.empty();
      Optional<CertificateEntry.Suspension> suspension = record.getSuspended()
          ? Optional.of(new CertificateEntry.Suspension(record.getSuspendedHeight(), record.getSuspensionReason()))
          : Optional.empty();
      return new CertificateEntry(certificate, IdentityExtension.decode(certificate), fingerprint(certificate),
          record.getRecordedHeight(), revocation, suspension);
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new MalformedEncodingException("damaged certificate record");
    }
  }
}
