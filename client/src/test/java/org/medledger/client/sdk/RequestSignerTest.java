package org.medledger.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.node.api.RequestSignature;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.CertificateProfile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/** A signed read as the SDK makes it: over the raw path and query it sends, at its clock's time. */
class RequestSignerTest {
  @Test
  void theHeaderSignsTheRawPathAndQueryOnThisChainAtTheClocksTime() {
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    X509Certificate certificate = certificate(keys);
    Instant now = Instant.parse("2026-03-04T05:06:07.890Z");
    RequestSigner signer = new RequestSigner(SignatureScheme.ECDSA_P256_SHA256.signer(keys), certificate,
        "medledger-dev", Clock.fixed(now, ZoneOffset.UTC));

    URI uri = URI.create("https://node.example:8441/v1/actors/st-mary/mum%20lee/decisions?limit=5");
    RequestSignature.Header header = RequestSignature.parse(signer.header("GET", uri));

    assertThat(header.certificate()).isEqualTo(CertificateCodec.fingerprint(certificate));
    assertThat(header.created()).isEqualTo(now.getEpochSecond());
    byte[] message = RequestSignature.message("medledger-dev", header.certificate(), now.getEpochSecond(), "GET",
        "/v1/actors/st-mary/mum%20lee/decisions?limit=5");
    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(keys.getPublic()).verify(message, header.signature()))
        .isTrue();
    byte[] otherQuery = RequestSignature.message("medledger-dev", header.certificate(), now.getEpochSecond(), "GET",
        "/v1/actors/st-mary/mum%20lee/decisions?limit=6");
    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(keys.getPublic()).verify(otherQuery, header.signature()))
        .isFalse();
  }

  @Test
  void aPathWithoutQuerySignsThePathAlone() {
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    RequestSigner signer = new RequestSigner(SignatureScheme.ECDSA_P256_SHA256.signer(keys), certificate(keys),
        "medledger-dev");
    RequestSignature.Header header = RequestSignature.parse(signer.header("GET",
        URI.create("https://localhost:1/v1/break-glass/reviews")));
    byte[] message = RequestSignature.message("medledger-dev", header.certificate(), header.created(), "GET",
        "/v1/break-glass/reviews");
    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(keys.getPublic()).verify(message, header.signature()))
        .isTrue();
    assertThat(Math.abs(header.created() - Instant.now().getEpochSecond())).isLessThan(5);
  }

  private static X509Certificate certificate(KeyPair keys) {
    CertificateAuthority authority = CertificateAuthority.createRoot(OrganisationId.of("st-mary"),
        SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(), Instant.now().minus(Duration.ofDays(1)),
        Duration.ofDays(30));
    return authority.issue(keys.getPublic(), IdentityClaims.of("mum lee", Role.PATIENT, OrganisationId.of("st-mary")),
        CertificateProfile.forRole(Role.PATIENT), Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(1));
  }
}
