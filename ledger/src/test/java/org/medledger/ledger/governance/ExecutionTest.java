package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * A proposal is checked again against the state when its last approval carries it out; changes
 * carried out in one block all take effect from the next.
 */
class ExecutionTest {
  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();
  private final ValidatorHistory genesisHistory = network.history();

  private void assertApprovalRefused(ExecutedBlock block, String code, Digest proposal) {
    TransactionResult result = block.block().results().get(0);
    assertThat(result.code()).as(result.message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).isTrue();
    Proposal stored = network.proposal(proposal).orElseThrow();
    assertThat(stored.isOpen()).isTrue();
    assertThat(stored.approvals()).containsExactly(ST_MARY);
  }

  @Test
  void aCertificateRevokedBeforeTheLastApprovalStopsTheAddition() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Digest proposal = network.commitOk(network.propose(ST_MARY, candidate.addAt("validator-4.example:7000")));
    network.commitOk(network.revoke(candidate.signing()));

    assertApprovalRefused(network.commit(network.approve(CITY_CLINIC, proposal)), "invalid-certificate", proposal);
    assertThat(network.history()).isEqualTo(genesisHistory);
  }

  @Test
  void aRevocationEarlierInTheSameBlockStopsTheAddition() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Digest proposal = network.commitOk(network.propose(ST_MARY, candidate.addAt("validator-4.example:7000")));

    ExecutedBlock block = network.commit(network.revoke(candidate.signing()), network.approve(CITY_CLINIC, proposal));

    assertThat(block.block().results()).extracting(TransactionResult::code)
        .containsExactly("ok", "invalid-certificate");
    assertThat(network.history()).isEqualTo(genesisHistory);
    assertThat(network.proposal(proposal).orElseThrow().isOpen()).isTrue();
  }

  @Test
  void ofTwoProposalsToAddTheSameValidatorOnlyTheFirstCarriedOutSucceeds() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Digest first = network.commitOk(network.propose(ST_MARY, candidate.addAt("validator-4.example:7000")));
    Digest second = network.commitOk(network.propose(ST_MARY, candidate.addAt("validator-4.example:7001")));
    network.commitOk(network.approve(NORTH_LAB, first));
    ValidatorHistory afterFirst = network.history();

    assertApprovalRefused(network.commit(network.approve(CITY_CLINIC, second)), "already-validator", second);
    assertThat(network.history()).isEqualTo(afterFirst);
    assertThat(afterFirst.current().get("validator-4").orElseThrow().address()).isEqualTo("validator-4.example:7000");
  }

  @Test
  void anAddressTakenSinceTheProposalStopsTheAddition() {
    Candidate first = network.enrolled(ST_MARY, "validator-4");
    Candidate second = network.enrolled(ST_MARY, "validator-5");
    Digest one = network.commitOk(network.propose(ST_MARY, first.addAt("shared.example:7000")));
    Digest other = network.commitOk(network.propose(ST_MARY, second.addAt("shared.example:7000")));
    network.commitOk(network.approve(CITY_CLINIC, one));

    assertApprovalRefused(network.commit(network.approve(CITY_CLINIC, other)), "address-in-use", other);
  }

  @Test
  void aBlockCarriesOutAtMostOneChangeOfTheValidatorSet() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    Digest add = network.commitOk(network.propose(ST_MARY, candidate.addAt("validator-4.example:7000")));
    Digest remove = network.commitOk(network.propose(NORTH_LAB, new GovernanceAction.RemoveValidator("validator-3")));

    ExecutedBlock block = network.commit(network.approve(CITY_CLINIC, add), network.approve(CITY_CLINIC, remove));

    long h = block.block().height();
    assertThat(block.block().results()).extracting(TransactionResult::code)
        .containsExactly("ok", "validators-changing");
    ValidatorHistory history = network.history();
    assertThat(history.epochs()).extracting(ValidatorSet::fromHeight).containsExactly(0L, h + 1);
    assertThat(history.at(h + 1).ids()).containsExactly("validator-1", "validator-2", "validator-3", "validator-4");
    assertThat(block.block().results().get(1).events()).isEmpty();

    ExecutedBlock later = network.commit(network.approve(CITY_CLINIC, remove));
    assertThat(later.block().results()).extracting(TransactionResult::code).containsExactly("ok");
    assertThat(network.history().current().ids()).containsExactly("validator-1", "validator-2", "validator-4");
    assertThat(network.history().current().fromHeight()).isEqualTo(later.block().height() + 1);
  }

  @Test
  void aChangeInALaterBlockStartsAnotherEpoch() {
    Digest first = network.commitOk(network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-3")));
    long firstHeight = network.commit(network.approve(CITY_CLINIC, first)).block().height();
    Digest second = network.commitOk(network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-2")));
    long secondHeight = network.commit(network.approve(NORTH_LAB, second)).block().height();

    ValidatorHistory history = network.history();
    assertThat(history.epochs()).extracting(ValidatorSet::fromHeight).containsExactly(0L, firstHeight + 1,
        secondHeight + 1);
    assertThat(history.at(firstHeight).ids()).hasSize(3);
    assertThat(history.at(secondHeight).ids()).containsExactly("validator-1", "validator-2");
    assertThat(history.at(secondHeight + 1).ids()).containsExactly("validator-1");
  }
}
