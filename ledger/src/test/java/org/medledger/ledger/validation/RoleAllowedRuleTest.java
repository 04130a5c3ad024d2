package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.validation.ValidationFixture.bytes;
import static org.medledger.ledger.validation.ValidationFixture.echo;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

class RoleAllowedRuleTest {
  private final ValidationFixture fixture = new ValidationFixture();
  private final Rules.RoleAllowed rule = new Rules.RoleAllowed();

  private Member member(Role role) {
    return fixture.enrolled("member-" + role.id(), role);
  }

  @Test
  void aPhysicianMaySendAnEcho() {
    fixture.assertPasses(rule, echo(fixture.physician()));
  }

  @Test
  void aValidatorSendingAnEchoIsRejected() {
    Member validator = fixture.consortium.validators().get(0);
    Rejection rejection = fixture.assertRejected(rule, echo(validator), RejectionCode.ROLE_NOT_ALLOWED);
    assertThat(rejection.getMessage()).contains("validator").contains("test.echo");
  }

  @Test
  void aPhysicianSendingACertificateRecordIsRejected() throws Exception {
    Member alice = fixture.physician();
    Member bob = fixture.consortium.issue("st-mary", "dr-bob", Role.PHYSICIAN);
    SignedTransaction tx = alice.signer().sign(IdentityContract.RECORD, bob.certificate().getEncoded());
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.ROLE_NOT_ALLOWED);
    assertThat(rejection.getMessage()).contains("physician").contains("identity.certificate.record");
  }

  @Test
  void aRegistrarMayRecordAndRevokeCertificates() throws Exception {
    Member registrar = fixture.consortium.registrar("st-mary");
    Member bob = fixture.consortium.issue("st-mary", "dr-bob", Role.PHYSICIAN);
    fixture.assertPasses(rule, registrar.signer().sign(IdentityContract.RECORD, bob.certificate().getEncoded()));
    fixture.assertPasses(rule, registrar.signer().sign(IdentityContract.REVOKE, bytes("payload not checked here")));
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = "VALIDATOR", mode = EnumSource.Mode.EXCLUDE)
  void everyPersonMaySendAnEcho(Role role) {
    fixture.assertPasses(rule, echo(member(role)));
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = "REGISTRAR", mode = EnumSource.Mode.EXCLUDE)
  void noRoleButRegistrarMayRecordCertificates(Role role) throws Exception {
    Member sender = member(role);
    SignedTransaction tx = sender.signer().sign(IdentityContract.RECORD, sender.certificate().getEncoded());
    Rejection rejection = fixture.assertRejected(rule, tx, RejectionCode.ROLE_NOT_ALLOWED);
    assertThat(rejection.getMessage()).contains(role.name().toLowerCase(Locale.ROOT));
  }

  @Test
  void theRoleIsTheOneInTheRecordedCertificateWhateverTheSignerIsCalled() {
    // a patient named "admin" is still a patient
    Member patient = fixture.enrolled("admin", Role.PATIENT);
    SignedTransaction tx = patient.signer().sign(IdentityContract.REVOKE, bytes("x"));
    fixture.assertRejected(rule, tx, RejectionCode.ROLE_NOT_ALLOWED);
  }

  @Test
  void noRoleMaySendATypeNoContractRuns() {
    Member registrar = fixture.consortium.registrar("st-mary");
    SignedTransaction tx = registrar.signer().sign(TransactionType.of("test.unknown"), bytes("x"));
    fixture.assertRejected(rule, tx, RejectionCode.ROLE_NOT_ALLOWED);
  }

  @Test
  void aSignerWithoutRecordedCertificateIsRejectedAsUnknown() {
    Member stranger = fixture.consortium.issue("st-mary", "stranger", Role.PHYSICIAN);
    fixture.assertRejected(rule, stranger.signer().sign(EchoContract.ECHO, bytes("x")),
        RejectionCode.UNKNOWN_CERTIFICATE);
  }
}
