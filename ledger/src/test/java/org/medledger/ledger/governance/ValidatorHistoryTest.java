package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.medledger.ledger.governance.SampleValidators.set;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validator sets of a chain, each in force from its height until the next. */
class ValidatorHistoryTest {
  private final ValidatorSet genesis = set(0, 1, 2, 3);
  private final ValidatorSet second = set(5, 1, 2, 3, 4);
  private final ValidatorSet third = set(9, 1, 3, 4);
  private final ValidatorHistory history = new ValidatorHistory(List.of(genesis, second, third));

  @ParameterizedTest(name = "block {0} is sealed by the set from block {1}")
  @CsvSource({"0, 0", "1, 0", "4, 0", "5, 5", "8, 5", "9, 9", "10, 9", "1000000, 9"})
  void atPicksTheLatestSetStartingAtOrBeforeTheHeight(long height, long from) {
    assertThat(history.at(height).fromHeight()).isEqualTo(from);
  }

  @Test
  void currentIsTheLatestSet() {
    assertThat(history.current()).isEqualTo(third);
    assertThat(new ValidatorHistory(List.of(genesis)).current()).isEqualTo(genesis);
    assertThat(new ValidatorHistory(List.of(genesis)).at(77)).isEqualTo(genesis);
  }

  @Test
  void aHistoryStartsWithASetFromBlockZero() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorHistory(List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorHistory(List.of(second, third)));
  }

  @Test
  void theSetsOfAHistoryFollowEachOtherByHeight() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorHistory(List.of(genesis, third, second)));
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorHistory(List.of(genesis, second,
        set(5, 1))));
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorHistory(List.of(genesis, set(0, 1))));
  }

  @Test
  void thenAppendsASetFromALaterHeight() {
    ValidatorSet fourth = set(12, 1, 3);
    ValidatorHistory longer = history.then(fourth);
    assertThat(longer.epochs()).containsExactly(genesis, second, third, fourth);
    assertThat(history.epochs()).as("histories are values").hasSize(3);
  }

  @Test
  void theGenesisSetIsNeverReplacedNorPrecededByThen() {
    ValidatorHistory onlyGenesis = new ValidatorHistory(List.of(genesis));
    assertThatIllegalArgumentException().isThrownBy(() -> onlyGenesis.then(set(0, 1)));
    assertThatIllegalArgumentException().isThrownBy(() -> history.then(set(7, 1)));
    assertThatIllegalArgumentException().as("one set a height").isThrownBy(() -> history.then(set(9, 1, 4)));
  }
}
