package org.medledger.pki;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.medledger.pki.PkiException.Reason;

/**
 * The registration authority of one organisation: registers identities, enrolls them against a
 * one-time secret and a CSR, revokes them and publishes CRLs. Pure: it takes the CA's records and
 * the time, and returns the new records with the result; the caller stores both or neither.
 */
public final class Registrar {

  /** New CA records together with what the operation produced. */
  public record Outcome<T>(CaRecords records, T value) {}

  private final CertificateAuthority authority;
  private final ValidityPolicy policy;

  public Registrar(CertificateAuthority authority, ValidityPolicy policy) {
    this.authority = authority;
    this.policy = policy;
  }

  public CertificateAuthority authority() {
    return authority;
  }

  public ValidityPolicy policy() {
    return policy;
  }

  /**
   * Registers a new identity at an organisation and returns its one-time enrollment secret (shown
   * once, stored hashed). Needs no CA key: nothing is signed until enrollment.
   */
  public static Outcome<String> register(
      CaRecords records, OrganisationId organisation, IdentityClaims claims, Instant now, Duration secretLifetime) {
    if (!claims.organisation().equals(organisation)) {
      throw new PkiException(Reason.MALFORMED,
          "the " + organisation + " registrar cannot register a member of " + claims.organisation());
    }
    if (records.registration(claims.name()).isPresent()) {
      throw new PkiException(Reason.ALREADY_REGISTERED,
          "'" + claims.name() + "' is already registered at " + organisation);
    }
    if (secretLifetime.isNegative() || secretLifetime.isZero()) {
      throw new PkiException(Reason.MALFORMED, "the enrollment secret lifetime must be positive");
    }
    String secret = EnrollmentSecret.generate();
    Registration registration = new Registration(claims.name(), claims.role(), claims.attributes(),
        Registration.Status.PENDING, now, EnrollmentSecret.hash(secret), now.plus(secretLifetime));
    return new Outcome<>(records.withRegistration(registration), secret);
  }

  /**
   * Enrolls a registered identity: the secret must be right, unused and unexpired, and the request
   * must prove possession of its key and ask for the registered name.
   */
  public Outcome<X509Certificate> enroll(
      CaRecords records, String name, String secret, PKCS10CertificationRequest request, Instant now) {
    Registration registration = records.registration(name).orElseThrow(() -> unknown(name));
    if (registration.status() == Registration.Status.REVOKED) {
      throw new PkiException(Reason.IDENTITY_REVOKED, "'" + name + "' is revoked and cannot enroll");
    }
    if (!EnrollmentSecret.matches(secret, registration.secretHash())) {
      throw new PkiException(Reason.WRONG_SECRET, "wrong enrollment secret for '" + name + "'");
    }
    if (registration.status() == Registration.Status.ENROLLED) {
      throw new PkiException(Reason.SECRET_USED, "this enrollment secret was already used");
    }
    if (!now.isBefore(registration.secretExpiresAt())) {
      throw new PkiException(Reason.SECRET_EXPIRED,
          "the enrollment secret expired at " + registration.secretExpiresAt() + "; ask the registrar for a new one");
    }
    String requested = CertificationRequests.requestedName(request);
    if (!requested.equals(name)) {
      throw new PkiException(Reason.BAD_CSR,
          "certificate request is for '" + requested + "' but enrollment is for '" + name + "'");
    }
    PublicKey key = CertificationRequests.verify(request);
    IdentityClaims claims = registration.claims(authority.organisation());
    CertificateProfile profile = CertificateProfile.forRole(claims.role());
    X509Certificate certificate = authority.issue(key, claims, profile, now, policy.of(profile));
    CaRecords next = record(records, certificate, claims).withRegistration(registration.withStatus(Registration.Status.ENROLLED));
    return new Outcome<>(next, certificate);
  }

  /** Issues a node's TLS certificate; the node must be a registered validator. */
  public Outcome<X509Certificate> issueTls(
      CaRecords records, String nodeName, PublicKey key, Collection<String> hosts, Instant now) {
    Registration registration = records.registration(nodeName).orElseThrow(() -> unknown(nodeName));
    if (registration.role() != Role.VALIDATOR || registration.status() == Registration.Status.REVOKED) {
      throw new PkiException(Reason.MALFORMED, "TLS certificates are issued only to active validators");
    }
    IdentityClaims claims = registration.claims(authority.organisation());
    X509Certificate certificate = authority.issueTls(key, claims, hosts, now, policy.of(CertificateProfile.TLS));
    return new Outcome<>(record(records, certificate, claims), certificate);
  }

  /** Revokes every unrevoked certificate of an identity and bars it from enrolling again. */
  public Outcome<List<IssuedCertificate>> revokeIdentity(
      CaRecords records, String name, RevocationReason reason, Instant now) {
    Registration registration = records.registration(name).orElseThrow(() -> unknown(name));
    if (registration.status() == Registration.Status.REVOKED) {
      throw new PkiException(Reason.ALREADY_REVOKED, "'" + name + "' is already revoked");
    }
    CaRecords next = records.withRegistration(registration.withStatus(Registration.Status.REVOKED));
    List<IssuedCertificate> revoked = new ArrayList<>();
    for (IssuedCertificate certificate : records.certificatesOf(name)) {
      if (!certificate.revoked()) {
        IssuedCertificate r = certificate.revoke(now, reason);
        revoked.add(r);
        next = next.withCertificate(r);
      }
    }
    return new Outcome<>(next, revoked);
  }

  /** Revokes one certificate; the identity and its other certificates stay as they are. */
  public Outcome<IssuedCertificate> revokeCertificate(
      CaRecords records, BigInteger serial, RevocationReason reason, Instant now) {
    IssuedCertificate certificate = records.certificate(serial).orElseThrow(() -> new PkiException(
        Reason.UNKNOWN_CERTIFICATE,
        "no certificate with serial " + IssuedCertificate.serialHex(serial) + " was issued by " + authority.organisation()));
    if (certificate.revoked()) {
      throw new PkiException(Reason.ALREADY_REVOKED, "certificate " + certificate.serial() + " is already revoked");
    }
    IssuedCertificate revoked = certificate.revoke(now, reason);
    return new Outcome<>(records.withCertificate(revoked), revoked);
  }

  /** Signs a new CRL of everything revoked so far, valid until {@code now + validity}. */
  public Outcome<X509CRL> crl(CaRecords records, Instant now, Duration validity) {
    long number = records.crlNumber() + 1;
    X509CRL crl = authority.crl(records.revocations(), number, now, now.plus(validity));
    return new Outcome<>(records.withCrlNumber(number), crl);
  }

  private static CaRecords record(CaRecords records, X509Certificate certificate, IdentityClaims claims) {
    return records.withCertificate(new IssuedCertificate(
        IssuedCertificate.serialHex(certificate.getSerialNumber()), claims.name(), claims.role(),
        certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), Pem.write(certificate), null, null));
  }

  private PkiException unknown(String name) {
    return new PkiException(Reason.UNKNOWN_IDENTITY, "'" + name + "' is not registered at " + authority.organisation());
  }
}
