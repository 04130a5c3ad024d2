package org.medledger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  @Test
  void committedFailuresCountAsCommittedAndAsFailuresByCode() {
    Outcomes outcomes = new Outcomes();
    outcomes.committed();
    outcomes.committedFailed("refused");
    outcomes.refused("node-overloaded");
    outcomes.refused("node-overloaded");
    assertThat(outcomes.committedCount()).isEqualTo(2);
    assertThat(outcomes.failureCount()).isEqualTo(3);
    assertThat(outcomes.failuresByCode()).isEqualTo(Map.of("committed-failed:refused", 1L, "node-overloaded", 2L));
  }

  @Test
  void argsRefuseUnknownOptions() {
    Args args = new Args(new String[] {"--nodes", "https://a:1,https://b:2", "--x", "1"});
    assertThat(args.list("--nodes")).containsExactly("https://a:1", "https://b:2");
    org.assertj.core.api.Assertions.assertThatThrownBy(args::done).hasMessageContaining("--x");
  }
}
