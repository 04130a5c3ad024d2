package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.NORTH_LAB;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/**
 * Approvals: one per organisation, by its registrars only, of an open, unexpired proposal on
 * chain. Every refused approval or proposal changes nothing.
 */
class ApprovalTest {
  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();
  private ValidatorHistory genesisHistory;
  /** Open: st-mary proposed to remove validator-3. */
  private Digest proposal;
  private Instant proposedAt;

  @BeforeEach
  void proposeARemoval() {
    genesisHistory = network.history();
    SignedTransaction propose = network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-3"));
    ExecutedBlock block = network.commit(propose);
    assertThat(block.block().results().get(0).code()).isEqualTo("ok");
    proposal = propose.id();
    proposedAt = block.block().header().timestamp();
  }

  /** The block of this one transaction refused it with this code and changed nothing. */
  private void assertRefusedAndNothingChanged(ExecutedBlock block, String code) {
    TransactionResult result = block.block().results().get(0);
    assertThat(result.success()).isFalse();
    assertThat(result.code()).as(result.message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).as("state changes of a refused transaction").isTrue();
  }

  private void assertStillOpenWithOnlyTheProposersApproval() {
    Proposal stored = network.proposal(proposal).orElseThrow();
    assertThat(stored.isOpen()).isTrue();
    assertThat(stored.approvals()).containsExactly(ST_MARY);
    assertThat(network.history()).isEqualTo(genesisHistory);
  }

  @Test
  void anApprovalOfNoProposalOnChainIsRefused() {
    assertRefusedAndNothingChanged(network.commit(network.approve(CITY_CLINIC, Digest.sha256(bytes("nothing")))),
        "unknown-proposal");
  }

  @Test
  void anApprovalNamingATransactionThatIsNoProposalIsRefused() {
    Member physician = network.consortium.issue(ST_MARY, "dr-alice", Role.PHYSICIAN);
    Digest record = network.commitOk(network.record(physician));
    assertRefusedAndNothingChanged(network.commit(network.approve(CITY_CLINIC, record)), "unknown-proposal");
  }

  @Test
  void theProposingOrganisationCannotApproveAgain() {
    assertRefusedAndNothingChanged(network.commit(network.approve(ST_MARY, proposal)), "already-approved");
    assertStillOpenWithOnlyTheProposersApproval();
  }

  @Test
  void aSecondRegistrarOfTheSameOrganisationCountsAsTheSameVote() {
    Member secondRegistrar = network.consortium.issue(ST_MARY, "admin-2", Role.REGISTRAR);
    network.commitOk(network.record(secondRegistrar));

    assertRefusedAndNothingChanged(network.commit(GovernanceNetwork.approve(secondRegistrar, proposal)),
        "already-approved");
    assertStillOpenWithOnlyTheProposersApproval();
  }

  @Test
  void approvalsAccumulateUntilAMajorityOfTheOrganisations() {
    List<String> five = List.of("org-a", "org-b", "org-c", "org-d", "org-e");
    GovernanceNetwork large = GovernanceNetwork.of(five, 2);
    Digest removal = large.commitOk(large.propose("org-a", new GovernanceAction.RemoveValidator("validator-2")));

    large.commitOk(large.approve("org-c", removal));
    assertThat(large.proposal(removal).orElseThrow().approvals()).containsExactly("org-a", "org-c");
    assertThat(large.proposal(removal).orElseThrow().isOpen()).isTrue();
    assertThat(large.history().epochs()).hasSize(1);

    ExecutedBlock third = large.commit(large.approve("org-e", removal));
    assertThat(third.block().results().get(0).code()).isEqualTo("ok");
    assertThat(large.proposal(removal).orElseThrow().approvals()).containsExactly("org-a", "org-c", "org-e");
    assertThat(large.history().at(third.block().height() + 1).ids()).containsExactly("validator-1");
  }

  @Test
  void aProposalCarriedOutTakesNoMoreApprovals() {
    ExecutedBlock executed = network.commit(network.approve(CITY_CLINIC, proposal));
    assertThat(executed.block().results().get(0).code()).isEqualTo("ok");
    ValidatorHistory after = network.history();

    assertRefusedAndNothingChanged(network.commit(network.approve(NORTH_LAB, proposal)), "proposal-closed");
    assertThat(network.history()).isEqualTo(after);
    assertThat(network.proposal(proposal).orElseThrow().approvals()).containsExactly(ST_MARY, CITY_CLINIC);
  }

  @Test
  void aProposalLapsesAfterItsLifetimeByBlockTime() {
    Instant expiry = proposedAt.plus(GovernanceContract.LIFETIME);
    assertRefusedAndNothingChanged(network.commitAt(expiry, network.approve(CITY_CLINIC, proposal)),
        "proposal-expired");
    assertStillOpenWithOnlyTheProposersApproval();
  }

  @Test
  void aProposalIsOpenUntilTheLastMomentOfItsLifetime() {
    Instant justBefore = proposedAt.plus(GovernanceContract.LIFETIME).minus(Duration.ofSeconds(1));
    ExecutedBlock block = network.commitAt(justBefore, network.approve(CITY_CLINIC, proposal));
    assertThat(block.block().results().get(0).code()).isEqualTo("ok");
    assertThat(network.history().current().ids()).containsExactly("validator-1", "validator-2");
  }

  @Test
  void onlyRegistrarsMayProposeOrApprove() {
    Member physician = network.consortium.issue(CITY_CLINIC, "dr-alice", Role.PHYSICIAN);
    network.commitOk(network.record(physician));
    Member validator = network.consortium.validators().get(1); // validator-2 of city-clinic, on chain since genesis

    for (Member notRegistrar : List.of(physician, validator)) {
      assertRefusedAndNothingChanged(network.commit(GovernanceNetwork.approve(notRegistrar, proposal)),
          "role-not-allowed");
      assertRefusedAndNothingChanged(network.commit(GovernanceNetwork.propose(notRegistrar,
          new GovernanceAction.RemoveValidator("validator-1"))), "role-not-allowed");
    }
    assertStillOpenWithOnlyTheProposersApproval();
  }

  @Test
  void aRegistrarWithARevokedCertificateCannotApprove() {
    Member secondRegistrar = network.consortium.issue(CITY_CLINIC, "admin-2", Role.REGISTRAR);
    network.commitOk(network.record(secondRegistrar));
    network.commitOk(network.revoke(secondRegistrar));

    assertRefusedAndNothingChanged(network.commit(GovernanceNetwork.approve(secondRegistrar, proposal)),
        "certificate-revoked");
    assertStillOpenWithOnlyTheProposersApproval();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
