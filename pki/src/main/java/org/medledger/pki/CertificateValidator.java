package org.medledger.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.medledger.pki.ValidationResult.Verdict;

/**
 * Validates a certificate at a given time against the consortium's organisation CAs: the JDK's
 * PKIX validator checks the chain, signatures, validity periods and CA constraints; revocation
 * comes from a {@link RevocationStatus} (the registrar, a CRL or the chain) and counts only from
 * the moment it was recorded.
 */
public final class CertificateValidator {
  private final Set<TrustAnchor> anchors;
  private final RevocationStatus revocations;

  public CertificateValidator(Collection<X509Certificate> authorities, RevocationStatus revocations) {
    if (authorities.isEmpty()) {
      throw new PkiException(PkiException.Reason.MALFORMED, "no certificate authorities to validate against");
    }
    this.anchors = authorities.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
    this.revocations = revocations;
  }

  public ValidationResult validate(X509Certificate certificate, Instant at) {
    try {
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setDate(Date.from(at));
      parameters.setRevocationEnabled(false); // revocation is checked below, from our own source
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(certificate)), parameters);
    } catch (CertPathValidatorException e) {
      return new ValidationResult(verdictOf(e), describe(verdictOf(e), certificate, e));
    } catch (GeneralSecurityException e) {
      return new ValidationResult(Verdict.MALFORMED, "certificate cannot be validated: " + e.getMessage());
    }
    Optional<Revocation> revocation = revocations.revocationOf(certificate);
    if (revocation.isPresent() && !revocation.get().revokedAt().isAfter(at)) {
      return new ValidationResult(Verdict.REVOKED,
          "revoked at " + revocation.get().revokedAt() + " (" + revocation.get().reason().id() + ")");
    }
    return ValidationResult.valid("valid until " + certificate.getNotAfter().toInstant());
  }

  private static Verdict verdictOf(CertPathValidatorException e) {
    if (e.getReason() == BasicReason.EXPIRED) {
      return Verdict.EXPIRED;
    } else if (e.getReason() == BasicReason.NOT_YET_VALID) {
      return Verdict.NOT_YET_VALID;
    } else if (e.getReason() == BasicReason.INVALID_SIGNATURE) {
      return Verdict.INVALID_SIGNATURE;
    } else if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
      return Verdict.UNTRUSTED;
    }
    return Verdict.MALFORMED;
  }

  private static String describe(Verdict verdict, X509Certificate certificate, CertPathValidatorException e) {
    return switch (verdict) {
      case EXPIRED -> "expired at " + certificate.getNotAfter().toInstant();
      case NOT_YET_VALID -> "not valid before " + certificate.getNotBefore().toInstant();
      case INVALID_SIGNATURE -> "signature does not verify: the certificate was altered or not issued by its CA";
      case UNTRUSTED -> "not issued by any organisation CA of this network";
      default -> "certificate rejected: " + e.getMessage();
    };
  }
}
