package org.medledger.pki;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.medledger.crypto.SignatureScheme;

/** Shared test fixtures: a CA at a fixed instant, CSRs, enrolled identities. */
final class PkiFixtures {
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  static final OrganisationId ST_MARY = OrganisationId.of("st-mary");
  static final OrganisationId CITY_CLINIC = OrganisationId.of("city-clinic");

  private PkiFixtures() {}

  static CertificateAuthority authority(OrganisationId org) {
    return authority(org, SignatureScheme.ECDSA_P256_SHA256);
  }

  static CertificateAuthority authority(OrganisationId org, SignatureScheme scheme) {
    return CertificateAuthority.createRoot(org, scheme.generateKeyPair(), NOW, Duration.ofDays(3650));
  }

  static X500Name subject(OrganisationId org, String name) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, org.value()).addRDN(BCStyle.CN, name).build();
  }

  static PKCS10CertificationRequest csr(KeyPair keys, OrganisationId org, String name) {
    return CertificationRequests.create(SignatureScheme.of(keys.getPublic()).signer(keys), subject(org, name));
  }

  /** A registrar with one registered identity, and that identity's secret. */
  record Registered(Registrar registrar, CaRecords records, String name, String secret) {
    Registrar.Outcome<java.security.cert.X509Certificate> enroll(KeyPair keys, Instant at) {
      return registrar.enroll(records, name, secret, csr(keys, registrar.authority().organisation(), name), at);
    }
  }

  static Registered registered(String name, Role role) {
    Registrar registrar = new Registrar(authority(ST_MARY), ValidityPolicy.DEFAULT);
    Registrar.Outcome<String> outcome =
        Registrar.register(CaRecords.EMPTY, ST_MARY, IdentityClaims.of(name, role, ST_MARY), NOW, Duration.ofHours(24));
    return new Registered(registrar, outcome.records(), name, outcome.value());
  }
}
