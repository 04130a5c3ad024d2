package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medledger.ledger.testing.TestConsortium.Member;

/** A validator's address is HOST:PORT, or empty for a genesis validator. */
class ValidatorInfoTest {
  private final Member member = SampleValidators.member(1);

  private ValidatorInfo at(String address) {
    return new ValidatorInfo("validator-1", "st-mary", member.certificate(), member.certificate(), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"validator-1.example:7000", "10.0.0.7:1", "node:65535", "localhost:8443"})
  void hostAndPortAreAnAddress(String address) {
    assertThat(ValidatorInfo.isAddress(address)).isTrue();
    assertThat(at(address).address()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"node", "node:", ":7000", "node:0", "node:65536", "node:99999", "node:-1", "no de:7000",
      "node:07000", "node:00", "node:7000/path", "user@node:7000", "[::1]:7000"})
  void anythingElseIsNot(String address) {
    assertThat(ValidatorInfo.isAddress(address)).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> at(address));
  }

  @Test
  void aGenesisValidatorHasNoAddressOnChain() {
    assertThat(at("").address()).isEmpty();
    assertThat(at("").isAt("")).as("an unknown address is nobody's").isFalse();
  }

  @Test
  void hostNamesCompareWithoutRegardToCase() {
    assertThat(at("node.example:7000").isAt("NODE.Example:7000")).isTrue();
    assertThat(at("node.example:7000").isAt("node.example:7001")).isFalse();
    assertThat(at("node.example:7000").isAt("node2.example:7000")).isFalse();
  }

  @Test
  void theVerifierUsesTheSigningCertificatesKey() {
    byte[] message = {1, 2, 3};
    byte[] signature = member.signing().sign(message);
    assertThat(at("").verifier().verify(message, signature)).isTrue();
    assertThat(at("").verifier().verify(new byte[] {1, 2, 4}, signature)).isFalse();
  }
}
