package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.NORTH_LAB;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;
import static org.medledger.ledger.governance.GovernanceNetwork.event;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;

/** A validator leaves the set: any organisation may propose it, a majority decides. */
class RemoveValidatorTest {
  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();

  private static GovernanceAction remove(String id) {
    return new GovernanceAction.RemoveValidator(id);
  }

  @Test
  void aRemovalCarriedOutChangesTheSetFromTheNextBlock() {
    ValidatorSet genesisSet = network.history().current();
    Digest proposal = network.commitOk(network.propose(ST_MARY, remove("validator-3")));
    assertThat(network.history().current()).isEqualTo(genesisSet);

    ExecutedBlock block = network.commit(network.approve(NORTH_LAB, proposal));

    long h = block.block().height();
    TransactionResult result = block.block().results().get(0);
    assertThat(result.code()).as(result.message()).isEqualTo("ok");
    ValidatorHistory history = network.history();
    assertThat(history.at(h)).isEqualTo(genesisSet);
    assertThat(history.at(h + 1).ids()).containsExactly("validator-1", "validator-2");
    assertThat(history.at(h + 1).fromHeight()).isEqualTo(h + 1);
    assertThat(event(result, "governance.executed").attributes()).containsEntry("action", "validator.remove");
    assertThat(event(result, GovernanceContract.VALIDATORS_CHANGED).attributes())
        .containsEntry("from-height", Long.toString(h + 1))
        .containsEntry("validators", "validator-1,validator-2")
        .containsEntry("digest", history.current().digest().hex());
    assertThat(network.proposal(proposal).orElseThrow().executedHeight()).hasValue(h);
  }

  @Test
  void onlyAValidatorOfTheCurrentSetCanBeRemoved() {
    ExecutedBlock block = network.commit(network.propose(CITY_CLINIC, remove("validator-9")));
    assertThat(block.block().results().get(0).code()).isEqualTo("not-validator");
    assertThat(block.changes().isEmpty()).isTrue();
  }

  @Test
  void aValidatorAlreadyRemovedIsNoLongerOneToRemove() {
    Digest first = network.commitOk(network.propose(ST_MARY, remove("validator-2")));
    network.commitOk(network.approve(CITY_CLINIC, first));

    ExecutedBlock again = network.commit(network.propose(NORTH_LAB, remove("validator-2")));

    assertThat(again.block().results().get(0).code()).isEqualTo("not-validator");
    assertThat(again.changes().isEmpty()).isTrue();
  }

  @Test
  void theLastValidatorCannotBeRemoved() {
    GovernanceNetwork oneValidator = GovernanceNetwork.of(List.of(ST_MARY, CITY_CLINIC, NORTH_LAB), 1);
    ExecutedBlock block = oneValidator.commit(oneValidator.propose(CITY_CLINIC, remove("validator-1")));
    assertThat(block.block().results().get(0).code()).isEqualTo("last-validator");
    assertThat(block.changes().isEmpty()).isTrue();
    assertThat(oneValidator.history().current().ids()).containsExactly("validator-1");
  }

  @Test
  void removalsThatWouldTogetherEmptyTheSetStopAtTheLastValidator() {
    GovernanceNetwork twoValidators = GovernanceNetwork.of(List.of(ST_MARY, CITY_CLINIC, NORTH_LAB), 2);
    Digest removeFirst = twoValidators.commitOk(twoValidators.propose(ST_MARY, remove("validator-1")));
    Digest removeSecond = twoValidators.commitOk(twoValidators.propose(ST_MARY, remove("validator-2")));
    twoValidators.commitOk(twoValidators.approve(CITY_CLINIC, removeFirst));

    ExecutedBlock block = twoValidators.commit(twoValidators.approve(CITY_CLINIC, removeSecond));

    assertThat(block.block().results().get(0).code()).isEqualTo("last-validator");
    assertThat(block.changes().isEmpty()).isTrue();
    assertThat(twoValidators.history().current().ids()).containsExactly("validator-2");
    assertThat(twoValidators.proposal(removeSecond).orElseThrow().approvals()).containsExactly(ST_MARY);
  }
}
