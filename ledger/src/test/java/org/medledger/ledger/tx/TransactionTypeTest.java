package org.medledger.ledger.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionTypeTest {

  @ParameterizedTest
  @ValueSource(strings = {"test.echo", "identity.certificate.record", "a.b", "a.b.c.d", "consent-v2.grant",
      "records.fhir-r4.register", "x1.y2"})
  void wellFormedIdsAreAccepted(String id) {
    assertThat(TransactionType.of(id).id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "noDot", "nodot", "UPPER.case", "upper.Case", ".leading", "trailing.", "double..dot",
      "1digit.first", "a.1b", "-a.b", "a.-b", "a b.c", "a.b c", "a.b.c.d.e", "a/b.c", "a_b.c", "é.b", "a.b\n",
      "a.b ", " a.b"})
  void malformedIdsAreRejected(String id) {
    assertThatThrownBy(() -> TransactionType.of(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid transaction type");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> TransactionType.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sixtyFourCharactersAreAcceptedAndSixtyFiveAreNot() {
    String sixtyFour = "a." + "b".repeat(62);
    assertThat(sixtyFour).hasSize(64);
    assertThat(TransactionType.of(sixtyFour).id()).isEqualTo(sixtyFour);
    String sixtyFive = "a." + "b".repeat(63);
    assertThatThrownBy(() -> TransactionType.of(sixtyFive)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVeryLongIdIsRejectedQuickly() {
    String huge = "a" + ".b".repeat(100_000);
    assertThatThrownBy(() -> TransactionType.of(huge)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theNamespaceIsThePartBeforeTheFirstDot() {
    assertThat(TransactionType.of("identity.certificate.record").namespace()).isEqualTo("identity");
    assertThat(TransactionType.of("test.echo").namespace()).isEqualTo("test");
  }

  @Test
  void typesAreValuesPrintedAsTheirId() {
    assertThat(TransactionType.of("test.echo")).isEqualTo(new TransactionType("test.echo"))
        .hasToString("test.echo");
  }
}
