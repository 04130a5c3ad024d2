package org.medledger.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks every run of the command must pass, stated once. */
final class CliAssertions {
  private CliAssertions() {}

  /** The command succeeded and complained about nothing. */
  static Cli.Result assertSucceeded(Cli.Result result) {
    assertThat(result.exitCode()).as("exit code of %s", result).isZero();
    assertThat(result.err()).as("stderr of %s", result).isEmpty();
    return result;
  }

  /**
   * The command was refused the way the user deserves: a non-zero exit and exactly one line on
   * stderr, "medledger: ..." with no stack trace, mentioning each of {@code fragments}.
   */
  static Cli.Result assertRefused(Cli.Result result, String... fragments) {
    assertThat(result.exitCode()).as("exit code of %s", result).isNotZero();
    assertThat(result.err().lines().toList()).as("stderr of %s", result).hasSize(1);
    String line = result.err().strip();
    assertThat(line).as("stderr of %s", result)
        .startsWith("medledger: ")
        .doesNotContain("\tat ", "Caused by", "unexpected error");
    for (String fragment : fragments) {
      assertThat(line).as("stderr of %s", result).containsIgnoringCase(fragment);
    }
    return result;
  }
}
