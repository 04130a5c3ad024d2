package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.NORTH_LAB;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;
import static org.medledger.ledger.governance.GovernanceNetwork.event;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.governance.GovernanceNetwork.Candidate;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.tx.SignedTransaction;

/** A validator joins: proposed by its organisation's registrar, approved by a majority of the organisations. */
class AddValidatorTest {
  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();
  private final ValidatorHistory genesisHistory = network.history();

  @Test
  void theGenesisSetIsTheThreeGenesisValidatorsAndAMajorityOfThreeOrganisationsIsTwo() {
    assertThat(genesisHistory.epochs()).hasSize(1);
    assertThat(genesisHistory.current().ids()).containsExactly("validator-1", "validator-2", "validator-3");
    assertThat(GovernanceContract.majority(new IdentityDirectory(), 3).threshold())
        .isEqualTo(2);
  }

  @Test
  void aProposalIsStoredWithTheProposersApprovalAndChangesNoSetYet() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    SignedTransaction propose = network.propose(ST_MARY, candidate.addAt("validator-4.example:7000"));

    ExecutedBlock block = network.commit(propose);

    TransactionResult result = block.block().results().get(0);
    assertThat(result.code()).as(result.message()).isEqualTo("ok");
    assertThat(result.events()).extracting(Event::name).containsExactly("governance.proposed");
    assertThat(event(result, "governance.proposed").attributes())
        .containsEntry("proposal", propose.id().hex())
        .containsEntry("action", "validator.add")
        .containsEntry("organisation", ST_MARY)
        .containsEntry("threshold", "2");

    Proposal proposal = network.proposal(propose.id()).orElseThrow();
    assertThat(proposal.action()).isEqualTo(candidate.addAt("validator-4.example:7000"));
    assertThat(proposal.proposer()).isEqualTo(ST_MARY);
    assertThat(proposal.approvals()).containsExactly(ST_MARY);
    assertThat(proposal.proposedHeight()).isEqualTo(block.block().height());
    assertThat(proposal.expiresAt()).isEqualTo(block.block().header().timestamp().plus(GovernanceContract.LIFETIME));
    assertThat(proposal.isOpen()).isTrue();
    assertThat(network.history()).isEqualTo(genesisHistory);
  }

  @Test
  void anotherOrganisationsApprovalCarriesTheAdditionOutForTheBlocksAfterIt() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Digest proposal = network.commitOk(network.propose(ST_MARY, candidate.addAt("validator-4.example:7000")));

    ExecutedBlock block = network.commit(network.approve(CITY_CLINIC, proposal));

    long h = block.block().height();
    TransactionResult result = block.block().results().get(0);
    assertThat(result.code()).as(result.message()).isEqualTo("ok");
    assertThat(result.events()).extracting(Event::name)
        .containsExactly("governance.approved", "governance.executed", GovernanceContract.VALIDATORS_CHANGED);
    assertThat(event(result, "governance.approved").attributes())
        .containsEntry("proposal", proposal.hex())
        .containsEntry("organisation", CITY_CLINIC)
        .containsEntry("approvals", "2")
        .containsEntry("threshold", "2");
    assertThat(event(result, "governance.executed").attributes())
        .containsEntry("proposal", proposal.hex())
        .containsEntry("action", "validator.add");

    ValidatorHistory history = network.history();
    assertThat(history.epochs()).hasSize(2);
    assertThat(history.at(h)).isEqualTo(genesisHistory.current());
    ValidatorSet next = history.at(h + 1);
    assertThat(next.fromHeight()).isEqualTo(h + 1);
    assertThat(next.ids()).containsExactly("validator-1", "validator-2", "validator-3", "validator-4");
    assertThat(next.get("validator-4")).contains(candidate.at("validator-4.example:7000"));
    assertThat(history.at(h + 1000)).isEqualTo(next);

    assertThat(event(result, GovernanceContract.VALIDATORS_CHANGED).attributes())
        .containsEntry("from-height", Long.toString(h + 1))
        .containsEntry("validators", "validator-1,validator-2,validator-3,validator-4")
        .containsEntry("digest", next.digest().hex());

    Proposal carriedOut = network.proposal(proposal).orElseThrow();
    assertThat(carriedOut.approvals()).containsExactly(ST_MARY, CITY_CLINIC);
    assertThat(carriedOut.isOpen()).isFalse();
    assertThat(carriedOut.executedHeight()).hasValue(h);
  }

  @Test
  void proposalAndApprovalMayShareABlock() {
    Candidate candidate = network.enrolled(NORTH_LAB, "validator-4");
    SignedTransaction propose = network.propose(NORTH_LAB, candidate.addAt("validator-4.example:7000"));

    ExecutedBlock block = network.commit(propose, network.approve(ST_MARY, propose.id()));

    assertThat(block.block().results()).extracting(TransactionResult::code).containsExactly("ok", "ok");
    assertThat(network.history().at(block.block().height() + 1).ids()).contains("validator-4");
    assertThat(network.history().at(block.block().height()).ids()).doesNotContain("validator-4");
  }

  @Test
  void inAOneOrganisationConsortiumTheProposalAloneCarriesTheChangeOut() {
    GovernanceNetwork solo = GovernanceNetwork.of(List.of(ST_MARY), 1);
    Candidate candidate = solo.enrolled(ST_MARY, "validator-2");

    ExecutedBlock block = solo.commit(solo.propose(ST_MARY, candidate.addAt("validator-2.example:7000")));

    TransactionResult result = block.block().results().get(0);
    assertThat(result.events()).extracting(Event::name)
        .containsExactly("governance.proposed", "governance.executed", GovernanceContract.VALIDATORS_CHANGED);
    assertThat(solo.history().at(block.block().height() + 1).ids()).containsExactly("validator-1", "validator-2");
  }

  @Test
  void majoritiesOfOneToFiveOrganisations() {
    IdentityDirectory identities = new IdentityDirectory();
    assertThat(List.of(1, 2, 3, 4, 5)).map(n -> GovernanceContract.majority(identities, n).threshold())
        .containsExactly(1, 2, 2, 3, 3);
  }

  @Test
  void aThresholdOutsideOneToTheNumberOfOrganisationsIsRefused() {
    IdentityDirectory identities = new IdentityDirectory();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GovernanceContract(identities, 3, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GovernanceContract(identities, 3, 4));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GovernanceContract(identities, 0, 0));
  }
}
