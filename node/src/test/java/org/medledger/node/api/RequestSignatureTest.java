package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.CertificateProfile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/** The request signature's canonical message and header, as a client makes them and a node reads them. */
class RequestSignatureTest {
  private static final Digest CERT = Digest.sha256("a certificate".getBytes(StandardCharsets.UTF_8));

  @Test
  void theMessageIsTheDomainChainCertificateTimeMethodAndPathOneALine() {
    byte[] message = RequestSignature.message("medledger-dev", CERT, 1_700_000_000L, "GET",
        "/v1/patients/st-mary/pat%20lee/access-log?limit=5");
    assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo("medledger-request-v1\nmedledger-dev\n"
        + CERT.hex() + "\n1700000000\nGET\n/v1/patients/st-mary/pat%20lee/access-log?limit=5");
  }

  @Test
  void aFieldThatCouldShiftTheLinesIsRefused() {
    assertThatThrownBy(() -> RequestSignature.message("chain\nGET", CERT, 1, "GET", "/v1/policy"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
    assertThatThrownBy(() -> RequestSignature.message("chain", CERT, 1, "GET", "/v1/x\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestSignature.message("chain", CERT, 1, "get", "/v1/policy"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper-case");
    assertThatThrownBy(() -> RequestSignature.message("chain", CERT, 1, "GET", "v1/policy"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with '/'");
    assertThatThrownBy(() -> RequestSignature.message("", CERT, 1, "GET", "/v1/policy"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
  }

  @Test
  void aSignedHeaderNamesTheCertificateAndVerifiesUnderItsKey() {
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    X509Certificate certificate = certificateFor(keys);
    Instant at = Instant.parse("2026-01-02T03:04:05.678Z");

    String header = RequestSignature.sign(SignatureScheme.ECDSA_P256_SHA256.signer(keys), certificate, "chain", "GET",
        "/v1/policy", at);
    RequestSignature.Header parsed = RequestSignature.parse(header);

    assertThat(parsed.certificate()).isEqualTo(CertificateCodec.fingerprint(certificate));
    assertThat(parsed.created()).isEqualTo(at.getEpochSecond());
    assertThat(header).startsWith("cert=" + parsed.certificate().hex() + ", created=" + at.getEpochSecond()
        + ", signature=");
    assertThat(SignatureScheme.ECDSA_P256_SHA256.verifier(keys.getPublic()).verify(
        RequestSignature.message("chain", parsed.certificate(), parsed.created(), "GET", "/v1/policy"),
        parsed.signature())).isTrue();
    assertThat(parsed.format()).isEqualTo(header);
  }

  @Test
  void partsMayComeInAnyOrderWithSpaces() {
    String signature = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
    RequestSignature.Header parsed = RequestSignature.parse(
        "signature=" + signature + " ,created= 42,  cert=" + CERT.hex());
    assertThat(parsed.certificate()).isEqualTo(CERT);
    assertThat(parsed.created()).isEqualTo(42);
    assertThat(parsed.signature()).containsExactly(1, 2, 3);
  }

  @Test
  void malformedHeadersAreRefusedWithTheReason() {
    String cert = "cert=" + CERT.hex();
    assertRefused(null, "empty");
    assertRefused("", "empty");
    assertRefused("Bearer abc", "name=value");
    assertRefused(cert + ", created=1", "lacks 'signature'");
    assertRefused(cert + ", signature=AAAA", "lacks 'created'");
    assertRefused("created=1, signature=AAAA", "lacks 'cert'");
    assertRefused(cert + ", created=1, signature=AAAA, nonce=1", "unknown part 'nonce'");
    assertRefused(cert + ", cert=" + CERT.hex() + ", created=1, signature=AAAA", "twice");
    assertRefused("cert=abc, created=1, signature=AAAA", "64 lower-case hex");
    assertRefused(cert + ", created=-1, signature=AAAA", "epoch seconds");
    assertRefused(cert + ", created=1234567890123, signature=AAAA", "epoch seconds");
    assertRefused(cert + ", created=1, signature=AA=A", "base64");
    assertRefused(cert + ", created=1, signature=A", "not base64");
    assertRefused(cert + ", created=1, signature=" + "A".repeat(5000), "too long");
  }

  private static void assertRefused(String header, String reason) {
    assertThatThrownBy(() -> RequestSignature.parse(header)).as(header)
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
  }

  private static X509Certificate certificateFor(KeyPair keys) {
    CertificateAuthority authority = CertificateAuthority.createRoot(OrganisationId.of("st-mary"),
        SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(), Instant.now().minus(Duration.ofDays(1)),
        Duration.ofDays(30));
    return authority.issue(keys.getPublic(), IdentityClaims.of("pat-lee", Role.PATIENT, OrganisationId.of("st-mary")),
        CertificateProfile.forRole(Role.PATIENT), Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(1));
  }
}
