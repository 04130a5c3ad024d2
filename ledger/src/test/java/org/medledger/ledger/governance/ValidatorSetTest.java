package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.medledger.ledger.governance.SampleValidators.set;
import static org.medledger.ledger.governance.SampleValidators.validator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.genesis.GenesisBlock;

/** The validators of a set and the quorum of their seals that makes a block final. */
class ValidatorSetTest {

  private static int f(int n) {
    return (n - 1) / 3;
  }

  @ParameterizedTest(name = "n = {0}: f = {1}, quorum {2}")
  @CsvSource({"1, 0, 1", "2, 0, 2", "3, 0, 2", "4, 1, 3", "5, 1, 4", "6, 1, 4", "7, 2, 5", "8, 2, 6", "9, 2, 6",
      "10, 3, 7"})
  void quorumIsTheCeilingOfHalfOfNPlusFPlusOne(int n, int f, int quorum) {
    assertThat(f(n)).isEqualTo(f);
    assertThat((n + f + 1 + 1) / 2).as("ceil((n+f+1)/2)").isEqualTo(quorum);
    assertThat(ValidatorSet.quorum(n)).isEqualTo(quorum);
    ValidatorSet set = new ValidatorSet(0, SampleValidators.first(n));
    assertThat(set.quorum()).isEqualTo(quorum);
    assertThat(set.faultTolerance()).isEqualTo(f);
  }

  @Property
  void anyTwoQuorumsShareAtLeastFPlusOneValidators(
      @ForAll @IntRange(min = 1, max = 60) int n, @ForAll Random random) { // jqwik seeds it: a failure replays exactly
    int quorum = ValidatorSet.quorum(n);
    Set<Integer> first = randomSubset(n, quorum, random);
    Set<Integer> second = randomSubset(n, quorum, random);
    first.retainAll(second);
    assertThat(first.size()).isGreaterThanOrEqualTo(f(n) + 1);
  }

  @Property
  void theWorstCaseOverlapOfTwoQuorumsIsStillFPlusOne(@ForAll @IntRange(min = 1, max = 10_000) int n) {
    // two quorums overlap least when they share as few validators as they can: 2q − n
    assertThat(2 * ValidatorSet.quorum(n) - n).isGreaterThanOrEqualTo(f(n) + 1);
  }

  @Property
  void theHonestValidatorsAloneCanFormAQuorum(@ForAll @IntRange(min = 1, max = 10_000) int n) {
    assertThat(ValidatorSet.quorum(n)).isLessThanOrEqualTo(n - f(n));
  }

  private static Set<Integer> randomSubset(int n, int size, Random random) {
    List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
    Collections.shuffle(all, random);
    return new HashSet<>(all.subList(0, size));
  }

  private static BlockSeal seal(String validator) {
    return new BlockSeal(validator, new byte[] {1, 2, 3});
  }

  @Test
  void aBlockIsFinalWithSealsOfAQuorumOfDistinctValidatorsOfTheSet() {
    ValidatorSet four = set(0, 1, 2, 3, 4);
    assertThat(four.quorum()).isEqualTo(3);

    assertThat(four.isFinal(List.of(seal("validator-1"), seal("validator-2"), seal("validator-3")))).isTrue();
    assertThat(four.isFinal(List.of(seal("validator-4"), seal("validator-2"), seal("validator-1"),
        seal("validator-3")))).isTrue();
    assertThat(four.isFinal(List.of(seal("validator-1"), seal("validator-2")))).isFalse();
    assertThat(four.isFinal(List.of())).isFalse();
  }

  @Test
  void repeatedSealsOfOneValidatorCountOnce() {
    ValidatorSet four = set(0, 1, 2, 3, 4);
    assertThat(four.isFinal(List.of(seal("validator-1"), seal("validator-1"), seal("validator-2")))).isFalse();
    assertThat(four.isFinal(List.of(new BlockSeal("validator-1", new byte[] {1}),
        new BlockSeal("validator-1", new byte[] {2}), seal("validator-2")))).isFalse();
  }

  @Test
  void sealsOfValidatorsOutsideTheSetDoNotCount() {
    ValidatorSet four = set(0, 1, 2, 3, 4);
    assertThat(four.isFinal(List.of(seal("validator-1"), seal("validator-2"), seal("validator-5"),
        seal("validator-6")))).isFalse();
    assertThat(four.isFinal(List.of(seal("validator-1"), seal("validator-2"), seal("nobody")))).isFalse();
  }

  @Test
  void validatorsAreKeptSortedById() {
    ValidatorSet set = new ValidatorSet(3, List.of(validator(3), validator(1), validator(2)));
    assertThat(set.ids()).containsExactly("validator-1", "validator-2", "validator-3");
    assertThat(set.validators()).extracting(ValidatorInfo::id).containsExactly("validator-1", "validator-2",
        "validator-3");
    assertThat(set).isEqualTo(set(3, 1, 2, 3));
    assertThat(set.digest()).isEqualTo(set(3, 1, 2, 3).digest());
  }

  @Test
  void aSetHasAtLeastOneValidatorEachOnceFromAHeightOfZeroOrMore() {
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorSet(0, List.of()));
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorSet(-1, List.of(validator(1))));
    assertThatIllegalArgumentException().isThrownBy(() -> new ValidatorSet(0, List.of(validator(1),
        validator(2), validator(1, false))));
  }

  @Test
  void withAndWithoutMakeANewSetFromAHeight() {
    ValidatorSet three = set(0, 1, 2, 3);
    ValidatorSet four = three.with(validator(4), 9);
    assertThat(four.fromHeight()).isEqualTo(9);
    assertThat(four.ids()).containsExactly("validator-1", "validator-2", "validator-3", "validator-4");
    ValidatorSet two = four.without("validator-2", 12);
    assertThat(two.fromHeight()).isEqualTo(12);
    assertThat(two.ids()).containsExactly("validator-1", "validator-3", "validator-4");
    assertThat(three.ids()).as("sets are values").hasSize(3);
    assertThatIllegalArgumentException().as("a validator is in a set once")
        .isThrownBy(() -> three.with(validator(2), 9));
  }

  @Test
  void theDigestCommitsToEveryValidatorDetailAndTheHeight() {
    ValidatorSet set = set(5, 1, 2);
    assertThat(set.digest()).isNotEqualTo(set(6, 1, 2).digest());
    assertThat(set.digest()).isNotEqualTo(set(5, 1, 3).digest());
    assertThat(set.digest()).isNotEqualTo(new ValidatorSet(5, List.of(validator(1), validator(2, false))).digest());
    assertThat(set).isNotEqualTo(set(6, 1, 2));
  }

  @Test
  void theVerifierOfAMemberChecksItsSeals() {
    ValidatorSet set = set(0, 1, 2);
    BlockHeader header = GenesisBlock.of(SampleValidators.CONSORTIUM.genesis()).block().header();
    BlockSeal bySecond = BlockSeal.sign("validator-2", SampleValidators.member(2).signing(), header);

    assertThat(bySecond.verify(set.verifier("validator-2").orElseThrow(), header)).isTrue();
    assertThat(bySecond.verify(set.verifier("validator-1").orElseThrow(), header)).isFalse();
    assertThat(set.verifier("validator-3")).isEmpty();
    assertThat(set.contains("validator-3")).isFalse();
    assertThat(set.get("validator-2")).contains(validator(2));
  }
}
