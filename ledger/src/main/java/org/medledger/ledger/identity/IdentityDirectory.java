package org.medledger.ledger.identity;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.medledger.crypto.SignatureScheme;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.Digest;
import org.medledger.ledger.state.StateView;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.ValidationResult;
import org.medledger.pki.ValidationResult.Verdict;

/**
 * The identities the chain knows, read from the world state: organisation CAs and recorded
 * certificates. Each validator has its own instance with bounded caches of parsed certificates
 * and of issuer signatures already checked — pure functions of the bytes, so caching changes no
 * outcome, and nothing is shared between validators.
 */
public final class IdentityDirectory {
  private static final int CACHE_SIZE = 10_000;

  private record Cached<T>(byte[] stateBytes, T value) {}

  private final Map<Digest, Cached<CertificateEntry>> certificates = lru();
  private final Map<OrganisationId, Cached<X509Certificate>> authorities = lru();
  private final Map<Digest, Verifier> verifiers = lru();
  /** Certificate → the cached authority instance whose signature on it was checked. */
  private final Map<X509Certificate, X509Certificate> verifiedIssuers = new IdentityHashMap<>();

  /** The CA certificate of an organisation, if it is a member. */
  public synchronized Optional<X509Certificate> authority(StateView state, OrganisationId organisation) {
    Optional<byte[]> der = state.get(IdentityKeys.authority(organisation));
    if (der.isEmpty()) {
      return Optional.empty();
    }
    Cached<X509Certificate> cached = authorities.get(organisation);
    if (cached == null || !Arrays.equals(cached.stateBytes(), der.get())) {
      cached = new Cached<>(der.get(), CertificateCodec.parse(der.get()));
      authorities.put(organisation, cached);
    }
    return Optional.of(cached.value());
  }

  /** A recorded certificate by fingerprint. */
  public synchronized Optional<CertificateEntry> certificate(StateView state, Digest fingerprint) {
    Optional<byte[]> bytes = state.get(IdentityKeys.certificate(fingerprint));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Cached<CertificateEntry> cached = certificates.get(fingerprint);
    if (cached == null || !Arrays.equals(cached.stateBytes(), bytes.get())) {
      cached = new Cached<>(bytes.get(), CertificateCodec.decode(bytes.get()));
      certificates.put(fingerprint, cached);
    }
    return Optional.of(cached.value());
  }

  /**
   * A verifier for a certificate's key, kept per certificate: BouncyCastle precomputes on the key
   * object, so a reused ECDSA verifier is several times faster than a new one.
   */
  public synchronized Verifier verifier(CertificateEntry entry) {
    return verifiers.computeIfAbsent(entry.fingerprint(), k -> {
      PublicKey key = entry.certificate().getPublicKey();
      return SignatureScheme.of(key).verifier(key);
    });
  }

  /**
   * Checks a certificate at a time: issued by its organisation's CA as recorded on chain, within
   * its validity period, and not revoked on chain at that time.
   */
  public ValidationResult validate(StateView state, X509Certificate certificate, OrganisationId organisation,
      Optional<CertificateEntry.OnChainRevocation> revocation, Instant at) {
    Optional<X509Certificate> authority = authority(state, organisation);
    if (authority.isEmpty()) {
      return new ValidationResult(Verdict.UNTRUSTED, "organisation " + organisation + " is not a member of this network");
    }
    if (!issuedBy(certificate, authority.get())) {
      return new ValidationResult(Verdict.UNTRUSTED, "not issued by the " + organisation + " CA recorded on chain");
    }
    try {
      certificate.checkValidity(Date.from(at));
    } catch (CertificateExpiredException e) {
      return new ValidationResult(Verdict.EXPIRED, "expired at " + certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      return new ValidationResult(Verdict.NOT_YET_VALID, "not valid before " + certificate.getNotBefore().toInstant());
    }
    if (revocation.isPresent() && !revocation.get().at().isAfter(at)) {
      return new ValidationResult(Verdict.REVOKED,
          "revoked on chain at block " + revocation.get().height() + " (" + revocation.get().reason() + ")");
    }
    return new ValidationResult(Verdict.VALID, "valid");
  }

  /**
   * Whether the authority signed the certificate. Remembered per certificate object for the
   * authority object it was checked against: both come from this directory's caches, so the same
   * objects mean the same bytes, and a changed CA on chain is a new object that is checked afresh.
   */
  private synchronized boolean issuedBy(X509Certificate certificate, X509Certificate authority) {
    if (verifiedIssuers.get(certificate) == authority) {
      return true;
    }
    if (!certificate.getIssuerX500Principal().equals(authority.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(authority.getPublicKey());
    } catch (GeneralSecurityException e) {
      return false;
    }
    if (verifiedIssuers.size() >= CACHE_SIZE) {
      verifiedIssuers.clear();
    }
    verifiedIssuers.put(certificate, authority);
    return true;
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHE_SIZE;
      }
    };
  }
}
