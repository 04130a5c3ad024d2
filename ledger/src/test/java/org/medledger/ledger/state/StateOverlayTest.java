package org.medledger.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateOverlayTest {
  private final Map<String, byte[]> baseValues = new TreeMap<>(Map.of(
      "a/1", bytes("base-1"),
      "a/2", bytes("base-2"),
      "b/1", bytes("base-b")));
  private final StateView base = key -> Optional.ofNullable(baseValues.get(key)).map(byte[]::clone);

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String read(StateView state, String key) {
    return state.get(key).map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void readsFallThroughToTheBase() {
    StateOverlay overlay = new StateOverlay(base);
    assertThat(read(overlay, "a/1")).isEqualTo("base-1");
    assertThat(overlay.get("missing")).isEmpty();
  }

  @Test
  void readsSeeTheOverlaysOwnWritesFirst() {
    StateOverlay overlay = new StateOverlay(base);
    overlay.put("a/1", bytes("new"));
    overlay.put("c/1", bytes("created"));
    assertThat(read(overlay, "a/1")).isEqualTo("new");
    assertThat(read(overlay, "c/1")).isEqualTo("created");
    assertThat(read(overlay, "a/2")).isEqualTo("base-2");
  }

  @Test
  void aDeleteHidesTheBaseValue() {
    StateOverlay overlay = new StateOverlay(base);
    overlay.delete("a/1");
    assertThat(overlay.get("a/1")).isEmpty();
    assertThat(read(base, "a/1")).isEqualTo("base-1");
  }

  @Test
  void theLastWriteToAKeyWins() {
    StateOverlay overlay = new StateOverlay(base);
    overlay.put("a/1", bytes("one"));
    overlay.delete("a/1");
    assertThat(overlay.get("a/1")).isEmpty();
    overlay.put("a/1", bytes("two"));
    assertThat(read(overlay, "a/1")).isEqualTo("two");
    assertThat(overlay.changes().writes()).containsOnlyKeys("a/1");
  }

  @Test
  void theBaseIsNeverWritten() {
    StateOverlay overlay = new StateOverlay(base);
    overlay.put("a/1", bytes("new"));
    overlay.delete("a/2");
    assertThat(baseValues).containsOnlyKeys("a/1", "a/2", "b/1");
    assertThat(read(base, "a/1")).isEqualTo("base-1");
  }

  @Test
  void valuesAreCopiedInAndOut() {
    StateOverlay overlay = new StateOverlay(base);
    byte[] value = bytes("value");
    overlay.put("k", value);
    value[0] = 'X';
    overlay.get("k").orElseThrow()[1] = 'X';
    assertThat(read(overlay, "k")).isEqualTo("value");
  }

  @Test
  void mergeIntoCarriesWritesAndDeletesToTheTarget() {
    StateOverlay block = new StateOverlay(base);
    block.put("b/1", bytes("block"));
    StateOverlay tx = new StateOverlay(block);
    assertThat(read(tx, "b/1")).isEqualTo("block");
    tx.put("a/1", bytes("tx"));
    tx.delete("a/2");
    tx.put("c/1", bytes("tx-new"));

    assertThat(read(block, "a/1")).as("nothing reaches the block before the merge").isEqualTo("base-1");
    tx.mergeInto(block);

    assertThat(read(block, "a/1")).isEqualTo("tx");
    assertThat(block.get("a/2")).isEmpty();
    assertThat(read(block, "c/1")).isEqualTo("tx-new");
    assertThat(read(block, "b/1")).isEqualTo("block");
    assertThat(block.changes().writes()).containsOnlyKeys("a/1", "a/2", "b/1", "c/1");
    assertThat(block.changes().writes().get("a/2")).isEmpty();
  }

  @Test
  void mergedWritesOverrideTheTargetsOwnAndLaterWritesToTheSourceDoNotLeak() {
    StateOverlay block = new StateOverlay(base);
    block.put("a/1", bytes("block"));
    block.delete("b/1");
    StateOverlay tx = new StateOverlay(block);
    tx.put("b/1", bytes("revived"));
    tx.delete("a/1");
    tx.mergeInto(block);
    assertThat(block.get("a/1")).isEmpty();
    assertThat(read(block, "b/1")).isEqualTo("revived");

    tx.put("late", bytes("x"));
    assertThat(block.get("late")).isEmpty();
  }

  @Test
  void aDiscardedOverlayChangesNothing() {
    StateOverlay block = new StateOverlay(base);
    StateOverlay tx = new StateOverlay(block);
    tx.put("a/1", bytes("refused"));
    tx.delete("a/2");
    assertThat(block.changes().isEmpty()).isTrue();
    assertThat(read(block, "a/1")).isEqualTo("base-1");
  }

  @Test
  void changesAreSortedByKeyWhateverTheWriteOrder() {
    StateOverlay overlay = new StateOverlay(StateView.EMPTY);
    for (String key : new String[] {"z", "a/2", "m", "a/10", "a/1", "B", "é"}) {
      overlay.put(key, bytes(key));
    }
    overlay.delete("c");
    assertThat(overlay.changes().writes().keySet())
        .containsExactly("B", "a/1", "a/10", "a/2", "c", "m", "z", "é");
  }

  @Test
  void changesAreASnapshot() {
    StateOverlay overlay = new StateOverlay(StateView.EMPTY);
    overlay.put("k", bytes("v1"));
    StateChanges before = overlay.changes();
    overlay.put("k", bytes("v2"));
    overlay.put("k2", bytes("v"));
    assertThat(before.writes()).containsOnlyKeys("k");
    assertThat(before.writes().get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v1")));
  }

  @Test
  void keysMustHave1To512Characters() {
    StateOverlay overlay = new StateOverlay(StateView.EMPTY);
    overlay.put("k".repeat(512), bytes("ok"));
    assertThatThrownBy(() -> overlay.put("", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> overlay.put(null, bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> overlay.put("k".repeat(513), bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> overlay.delete("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> overlay.delete("k".repeat(513))).isInstanceOf(IllegalArgumentException.class);
    assertThat(overlay.changes().writes()).containsOnlyKeys("k".repeat(512));
  }

  @Test
  void anEmptyValueIsAValueNotADeletion() {
    StateOverlay overlay = new StateOverlay(base);
    overlay.put("a/1", new byte[0]);
    assertThat(overlay.get("a/1")).hasValueSatisfying(v -> assertThat(v).isEmpty());
    assertThat(overlay.changes().writes().get("a/1")).isPresent();
  }
}
