package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.BLOCK_TIME;
import static org.medledger.ledger.validation.ValidationFixture.bytes;
import static org.medledger.ledger.validation.ValidationFixture.echo;
import static org.medledger.ledger.validation.ValidationFixture.signedByHand;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.SignerId;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.CertificateProfile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

class CertificateValidRuleTest {
  private static final OrganisationId ST_MARY = OrganisationId.of("st-mary");

  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.CertificateValid rule = new Rules.CertificateValid();

  /** A physician of st-mary whose certificate is valid from {@code from} for {@code validity}. */
  private Member physicianValid(Instant from, Duration validity) {
    // TestConsortium.issue backdates by the CA's five minutes: notBefore = from exactly
    return fixture.consortium.issue(ST_MARY, "dr-time", Role.PHYSICIAN, SignatureScheme.ECDSA_P256_SHA256, from,
        validity);
  }

  /** A certificate for st-mary's name, issued by a CA that is not the one on chain. */
  private static Member issuedBy(CertificateAuthority authority, String name) {
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    X509Certificate certificate = authority.issue(keys.getPublic(),
        IdentityClaims.of(name, Role.PHYSICIAN, authority.organisation()), CertificateProfile.forRole(Role.PHYSICIAN),
        TestConsortium.GENESIS_TIME, Duration.ofDays(365));
    return new Member(certificate, keys);
  }

  private static CertificateAuthority rootFor(String organisation) {
    return CertificateAuthority.createRoot(OrganisationId.of(organisation),
        SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(), TestConsortium.GENESIS_TIME.minus(Duration.ofDays(1)),
        Duration.ofDays(3650));
  }

  // ---- valid

  @Test
  void aRecordedCertificateValidAtBlockTimePasses() {
    fixture.assertPasses(rule, echo(fixture.physician()));
  }

  @Test
  void theGenesisRegistrarsAndValidatorsPass() {
    fixture.assertPasses(rule, echo(fixture.consortium.registrar("st-mary")));
    fixture.assertPasses(rule, echo(fixture.consortium.registrar("city-clinic")));
    fixture.assertPasses(rule, echo(fixture.consortium.validators().get(0)));
  }

  // ---- not on chain, or not the signer's

  @Test
  void aCertificateIssuedByTheCaButNeverRecordedIsUnknown() {
    Member bob = fixture.consortium.issue("st-mary", "dr-bob", Role.PHYSICIAN);
    Rejection rejection = fixture.assertRejected(rule, echo(bob), RejectionCode.UNKNOWN_CERTIFICATE);
    assertThat(rejection.getMessage()).contains(CertificateCodec.fingerprint(bob.certificate()).hex());
  }

  @Test
  void aCertificateNamingSomeoneElseThanTheSignerIsRejected() {
    Member alice = fixture.physician();
    SignedTransaction tx = signedByHand(alice, TestConsortium.CHAIN_ID, EchoContract.ECHO, bytes("hello"),
        new SignerId(ST_MARY, "dr-mallory"), CertificateCodec.fingerprint(alice.certificate()));
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.CERTIFICATE_MISMATCH);
    assertThat(rejection.getMessage()).contains("dr-alice@st-mary").contains("dr-mallory@st-mary");
  }

  @Test
  void aCertificateOfTheSameNameInAnotherOrganisationIsRejected() {
    Member alice = fixture.physician();
    SignedTransaction tx = signedByHand(alice, TestConsortium.CHAIN_ID, EchoContract.ECHO, bytes("hello"),
        new SignerId(OrganisationId.of("city-clinic"), "dr-alice"), CertificateCodec.fingerprint(alice.certificate()));
    fixture.assertRejected(rule, tx, RejectionCode.CERTIFICATE_MISMATCH);
  }

  @Test
  void anotherMembersRecordedCertificateCannotBeBorrowed() {
    Member alice = fixture.physician();
    Member bob = fixture.enrolled("dr-bob", Role.PHYSICIAN);
    SignedTransaction tx = signedByHand(bob, TestConsortium.CHAIN_ID, EchoContract.ECHO, bytes("hello"),
        new SignerId(ST_MARY, "dr-bob"), CertificateCodec.fingerprint(alice.certificate()));
    fixture.assertRejected(rule, tx, RejectionCode.CERTIFICATE_MISMATCH);
  }

  // ---- validity period at block time

  @Test
  void anExpiredCertificateIsRejected() {
    Member old = fixture.record(physicianValid(TestConsortium.GENESIS_TIME.minus(Duration.ofDays(400)),
        Duration.ofDays(30)));
    Rejection rejection = fixture.assertRejected(rule, echo(old), RejectionCode.CERTIFICATE_EXPIRED);
    assertThat(rejection.getMessage()).contains("expired");
  }

  @Test
  void aCertificateIsValidUpToItsNotAfterAndExpiredASecondLater() {
    Member member = fixture.record(physicianValid(TestConsortium.GENESIS_TIME, Duration.ofDays(2)));
    Instant notAfter = member.certificate().getNotAfter().toInstant();
    fixture.at(notAfter).assertPasses(rule, echo(member));
    fixture.at(notAfter.plusSeconds(1)).assertRejected(rule, echo(member), RejectionCode.CERTIFICATE_EXPIRED);
  }

  @Test
  void aCertificateNotYetValidAtBlockTimeIsRejected() {
    Member early = fixture.record(physicianValid(BLOCK_TIME.plus(Duration.ofDays(10)), Duration.ofDays(365)));
    Rejection rejection = fixture.assertRejected(rule, echo(early), RejectionCode.CERTIFICATE_NOT_YET_VALID);
    assertThat(rejection.getMessage()).contains("not valid before");
  }

  @Test
  void aCertificateIsValidFromItsNotBeforeAndNotASecondEarlier() {
    Member member = fixture.record(physicianValid(BLOCK_TIME.plus(Duration.ofDays(1)), Duration.ofDays(365)));
    Instant notBefore = member.certificate().getNotBefore().toInstant();
    fixture.at(notBefore.minusSeconds(1)).assertRejected(rule, echo(member), RejectionCode.CERTIFICATE_NOT_YET_VALID);
    fixture.at(notBefore).assertPasses(rule, echo(member));
  }

  // ---- revocation on chain

  @Test
  void aCertificateRevokedOnChainBeforeBlockTimeIsRejected() {
    Member alice = fixture.physician();
    fixture.revoke(alice, BLOCK_TIME.minus(Duration.ofMinutes(10)), 7, "key-compromise");
    Rejection rejection = fixture.assertRejected(rule, echo(alice), RejectionCode.CERTIFICATE_REVOKED);
    assertThat(rejection.getMessage()).contains("block 7").contains("key-compromise");
  }

  @Test
  void aRevocationAppliesFromExactlyItsBlockTime() {
    Member alice = fixture.physician();
    fixture.revoke(alice, BLOCK_TIME, 7, "key-compromise");
    fixture.at(BLOCK_TIME).assertRejected(rule, echo(alice), RejectionCode.CERTIFICATE_REVOKED);
    fixture.at(BLOCK_TIME.plus(Duration.ofDays(30))).assertRejected(rule, echo(alice), RejectionCode.CERTIFICATE_REVOKED);
  }

  @Test
  void aRevokedCertificateIsStillValidAtABlockTimeBeforeTheRevocation() {
    Member alice = fixture.physician();
    fixture.revoke(alice, BLOCK_TIME, 7, "key-compromise");
    fixture.at(BLOCK_TIME.minusMillis(1)).assertPasses(rule, echo(alice));
    fixture.at(TestConsortium.GENESIS_TIME).assertPasses(rule, echo(alice));
  }

  @Test
  void anExpiredCertificateIsReportedAsExpiredEvenIfAlsoRevoked() {
    Member old = fixture.record(physicianValid(TestConsortium.GENESIS_TIME.minus(Duration.ofDays(400)),
        Duration.ofDays(30)));
    fixture.revoke(old, TestConsortium.GENESIS_TIME, 3, "superseded");
    fixture.assertRejected(rule, echo(old), RejectionCode.CERTIFICATE_EXPIRED);
  }

  // ---- trust: the organisation's CA as recorded on chain

  @Test
  void aCertificateOfAnOrganisationNotInTheNetworkIsUntrusted() {
    Member rogue = fixture.record(issuedBy(rootFor("rogue-clinic"), "dr-rogue"));
    Rejection rejection = fixture.assertRejected(rule, echo(rogue), RejectionCode.UNTRUSTED_CERTIFICATE);
    assertThat(rejection.getMessage()).contains("rogue-clinic").contains("not a member");
  }

  @Test
  void aCertificateSignedByAnImpostorCaWithTheSameOrganisationNameIsUntrusted() {
    CertificateAuthority impostor = rootFor("st-mary");
    assertThat(impostor.certificate().getSubjectX500Principal())
        .isEqualTo(fixture.consortium.authority("st-mary").certificate().getSubjectX500Principal());
    Member eve = fixture.record(issuedBy(impostor, "dr-eve"));
    Rejection rejection = fixture.assertRejected(rule, echo(eve), RejectionCode.UNTRUSTED_CERTIFICATE);
    assertThat(rejection.getMessage()).contains("not issued by the st-mary CA");
  }

  @Test
  void eachCertificateIsCheckedAgainstItsOwnOrganisationsCa() {
    Member clinician = fixture.record(fixture.consortium.issue("city-clinic", "dr-carol", Role.PHYSICIAN));
    fixture.assertPasses(rule, echo(clinician));
  }

  @Test
  void aCertificateWhoseOrganisationCaIsMissingFromTheStateIsUntrusted() {
    Member alice = fixture.physician();
    fixture.state.delete(org.medledger.ledger.identity.IdentityKeys.authority(ST_MARY));
    fixture.assertRejected(rule, echo(alice), RejectionCode.UNTRUSTED_CERTIFICATE);
  }
}
