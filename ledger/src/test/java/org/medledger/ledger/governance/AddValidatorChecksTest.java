package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.governance.GovernanceNetwork.Candidate;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * A proposal to add a validator is refused unless the validator's signing certificate is on chain,
 * valid and of that validator, its TLS certificate is issued to it by its organisation's CA, and
 * it would be a new validator at a free address. A refused proposal changes nothing.
 */
class AddValidatorChecksTest {
  private static final String ADDRESS = "validator-4.example:7000";

  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();

  /** Commits the proposal alone and checks it failed with this code, leaving the state as it was. */
  private TransactionResult assertRefused(SignedTransaction propose, String code) {
    ValidatorHistory before = network.history();
    ExecutedBlock block = network.commit(propose);
    TransactionResult result = block.block().results().get(0);
    assertThat(result.success()).isFalse();
    assertThat(result.code()).as(result.message()).isEqualTo(code);
    assertThat(result.message()).isNotBlank();
    assertThat(block.changes().isEmpty()).as("state changes of a refused proposal").isTrue();
    assertThat(network.proposal(propose.id())).isEmpty();
    assertThat(network.history()).isEqualTo(before);
    return result;
  }

  private static ValidatorInfo validator(String id, Member signing, java.security.cert.X509Certificate tls) {
    return new ValidatorInfo(id, ST_MARY, signing.certificate(), tls, ADDRESS);
  }

  private SignedTransaction proposeByStMary(ValidatorInfo validator) {
    return network.propose(ST_MARY, new GovernanceAction.AddValidator(validator));
  }

  @Test
  void theSigningCertificateMustBeOnChain() {
    Candidate candidate = network.candidate(ST_MARY, "validator-4");
    assertRefused(network.propose(ST_MARY, candidate.addAt(ADDRESS)), "unknown-certificate");
  }

  @Test
  void aRevokedSigningCertificateIsRefused() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    network.commitOk(network.revoke(candidate.signing()));
    assertThat(assertRefused(network.propose(ST_MARY, candidate.addAt(ADDRESS)), "invalid-certificate").message())
        .contains("revoked");
  }

  @Test
  void anExpiredSigningCertificateIsRefused() {
    Instant genesis = TestConsortium.GENESIS_TIME;
    Member shortLived = network.consortium.issue(OrganisationId.of(ST_MARY), "validator-4", Role.VALIDATOR,
        SignatureScheme.ECDSA_P256_SHA256, genesis, Duration.ofDays(2));
    network.commitOk(network.record(shortLived));
    Candidate candidate =
        new Candidate("validator-4", ST_MARY, shortLived, network.candidate(ST_MARY, "validator-4").tls());

    ExecutedBlock block = network.commitAt(genesis.plus(Duration.ofDays(3)),
        network.propose(ST_MARY, candidate.addAt(ADDRESS)));

    assertThat(block.block().results().get(0).code()).isEqualTo("invalid-certificate");
    assertThat(block.block().results().get(0).message()).contains("expired");
    assertThat(block.changes().isEmpty()).isTrue();
  }

  @Test
  void aSigningCertificateOfAnotherOrganisationsValidatorCannotBeClaimedAsOnesOwn() {
    Candidate theirs = network.enrolled(CITY_CLINIC, "validator-4");
    Candidate ours = network.candidate(ST_MARY, "validator-4");
    assertRefused(proposeByStMary(validator("validator-4", theirs.signing(), ours.tls())), "invalid-certificate");
  }

  @Test
  void theSigningCertificateMustBeAValidatorsCertificate() {
    Member physician = network.consortium.issue(ST_MARY, "validator-4", Role.PHYSICIAN);
    network.commitOk(network.record(physician));
    Candidate candidate = network.candidate(ST_MARY, "validator-4");
    assertRefused(proposeByStMary(validator("validator-4", physician, candidate.tls())), "claims-mismatch");
  }

  @Test
  void theValidatorIdMustBeTheNameInItsSigningCertificate() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Candidate other = network.candidate(ST_MARY, "validator-5");
    assertRefused(proposeByStMary(validator("validator-5", candidate.signing(), other.tls())), "claims-mismatch");
  }

  @Test
  void theTlsCertificateMustBeIssuedToTheSameValidator() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Candidate other = network.candidate(ST_MARY, "validator-5");
    assertRefused(proposeByStMary(validator("validator-4", candidate.signing(), other.tls())), "claims-mismatch");
  }

  @Test
  void theTlsCertificateMustBeAValidatorsCertificate() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    var physicianTls = GovernanceNetwork.tlsCertificate(network.consortium.authority(ST_MARY),
        IdentityClaims.of("validator-4", Role.PHYSICIAN, OrganisationId.of(ST_MARY)));
    assertRefused(proposeByStMary(validator("validator-4", candidate.signing(), physicianTls)), "claims-mismatch");
  }

  @Test
  void theTlsCertificateMustBeIssuedByTheOrganisationsCaOnChain() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    CertificateAuthority impostor = CertificateAuthority.createRoot(OrganisationId.of(ST_MARY),
        SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(), TestConsortium.GENESIS_TIME.minus(Duration.ofDays(1)),
        Duration.ofDays(3650));
    var forgedTls = GovernanceNetwork.tlsCertificate(impostor,
        IdentityClaims.of("validator-4", Role.VALIDATOR, OrganisationId.of(ST_MARY)));
    assertRefused(proposeByStMary(validator("validator-4", candidate.signing(), forgedTls)), "invalid-certificate");
  }

  @Test
  void anOrganisationProposesOnlyItsOwnValidators() {
    Candidate theirs = network.enrolled(CITY_CLINIC, "validator-4");
    assertRefused(network.propose(ST_MARY, theirs.addAt(ADDRESS)), "foreign-organisation");
  }

  @Test
  void aValidatorAlreadyInTheSetCannotBeAddedAgain() {
    Member genesisValidator = network.consortium.validators().get(0);
    ValidatorInfo again = new ValidatorInfo("validator-1", ST_MARY, genesisValidator.certificate(),
        genesisValidator.certificate(), "validator-1.example:7000");
    assertRefused(proposeByStMary(again), "already-validator");
  }

  @Test
  void aValidatorCannotTakeTheAddressOfAnother() {
    Candidate first = network.enrolled(ST_MARY, "validator-4");
    network.commitOk(network.approve(CITY_CLINIC, network.commitOk(network.propose(ST_MARY, first.addAt(ADDRESS)))));
    assertThat(network.history().current().ids()).contains("validator-4");

    Candidate second = network.enrolled(ST_MARY, "validator-5");
    assertRefused(network.propose(ST_MARY, second.addAt(ADDRESS)), "address-in-use");
    assertRefused(network.propose(ST_MARY, second.addAt("Validator-4.EXAMPLE:7000")), "address-in-use");
  }
}
