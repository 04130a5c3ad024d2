package org.medledger.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.medledger.ledger.Digest;

/** The state root is a function of the set of writes and the previous root, and of nothing else. */
class StateChangesPropertiesTest {

  @Provide
  Arbitrary<Map<String, Optional<byte[]>>> writes() {
    Arbitrary<String> keys = Arbitraries.strings().withCharRange('a', 'f').withChars('/', 'é').ofMinLength(1)
        .ofMaxLength(6);
    Arbitrary<Optional<byte[]>> values = Arbitraries.bytes().array(byte[].class).ofMaxSize(8).optional(0.8);
    return Arbitraries.maps(keys, values).ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Digest> roots() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Digest.LENGTH).map(Digest::of);
  }

  private static Map<String, Optional<byte[]>> shuffled(Map<String, Optional<byte[]>> writes, long seed) {
    List<String> keys = new ArrayList<>(writes.keySet());
    Collections.shuffle(keys, new Random(seed)); // seeded by jqwik, so a failure replays exactly
    Map<String, Optional<byte[]>> copy = new LinkedHashMap<>();
    keys.forEach(k -> copy.put(k, writes.get(k)));
    return copy;
  }

  private static String nth(Map<String, Optional<byte[]>> writes, int index) {
    return new ArrayList<>(writes.keySet()).get(Math.floorMod(index, writes.size()));
  }

  @Property(tries = 500)
  void theRootIsIndependentOfInsertionOrder(
      @ForAll("writes") Map<String, Optional<byte[]>> writes, @ForAll("roots") Digest previous, @ForAll long seed) {
    assertThat(StateChanges.of(shuffled(writes, seed)).nextRoot(previous))
        .isEqualTo(StateChanges.of(writes).nextRoot(previous));
  }

  @Property(tries = 500)
  void theSameChangesThroughAnOverlayGiveTheSameRoot(
      @ForAll("writes") Map<String, Optional<byte[]>> writes, @ForAll("roots") Digest previous, @ForAll long seed) {
    StateOverlay overlay = new StateOverlay(StateView.EMPTY);
    shuffled(writes, seed).forEach((key, value) -> {
      if (value.isPresent()) {
        overlay.put(key, value.get());
      } else {
        overlay.delete(key);
      }
    });
    assertThat(overlay.changes().nextRoot(previous)).isEqualTo(StateChanges.of(writes).nextRoot(previous));
  }

  @Property(tries = 500)
  void changingAnyValueChangesTheRoot(@ForAll("writes") Map<String, Optional<byte[]>> writes,
      @ForAll("roots") Digest previous, @ForAll int which, @ForAll byte extra) {
    String key = nth(writes, which);
    Map<String, Optional<byte[]>> changed = new LinkedHashMap<>(writes);
    Optional<byte[]> value = writes.get(key);
    if (value.isPresent() && value.get().length > 0) {
      byte[] flipped = value.get().clone();
      flipped[Math.floorMod(which, flipped.length)] ^= 1;
      changed.put(key, Optional.of(flipped));
    } else {
      changed.put(key, Optional.of(value.map(v -> new byte[] {extra}).orElse(new byte[0])));
    }
    assertThat(StateChanges.of(changed).nextRoot(previous)).isNotEqualTo(StateChanges.of(writes).nextRoot(previous));
  }

  @Property(tries = 500)
  void turningAPutIntoADeleteOrBackChangesTheRoot(@ForAll("writes") Map<String, Optional<byte[]>> writes,
      @ForAll("roots") Digest previous, @ForAll int which) {
    String key = nth(writes, which);
    Map<String, Optional<byte[]>> changed = new LinkedHashMap<>(writes);
    changed.put(key, writes.get(key).isPresent() ? Optional.empty() : Optional.of(new byte[0]));
    assertThat(StateChanges.of(changed).nextRoot(previous)).isNotEqualTo(StateChanges.of(writes).nextRoot(previous));
  }

  @Property(tries = 500)
  void renamingOrDroppingAnyKeyChangesTheRoot(@ForAll("writes") Map<String, Optional<byte[]>> writes,
      @ForAll("roots") Digest previous, @ForAll int which) {
    String key = nth(writes, which);
    Digest original = StateChanges.of(writes).nextRoot(previous);

    Map<String, Optional<byte[]>> dropped = new LinkedHashMap<>(writes);
    dropped.remove(key);
    assertThat(StateChanges.of(dropped).nextRoot(previous)).isNotEqualTo(original);

    String renamed = key + "x";
    if (!writes.containsKey(renamed)) {
      Map<String, Optional<byte[]>> moved = new LinkedHashMap<>(writes);
      moved.put(renamed, moved.remove(key));
      assertThat(StateChanges.of(moved).nextRoot(previous)).isNotEqualTo(original);
    }
  }

  @Property(tries = 500)
  void theRootDependsOnThePreviousRoot(@ForAll("writes") Map<String, Optional<byte[]>> writes,
      @ForAll("roots") Digest previous, @ForAll @IntRange(min = 0, max = 255) int bit) {
    byte[] other = previous.toByteArray();
    other[bit / 8] ^= (byte) (1 << (bit % 8));
    StateChanges changes = StateChanges.of(writes);
    assertThat(changes.nextRoot(Digest.of(other))).isNotEqualTo(changes.nextRoot(previous));
  }

  @Property(tries = 300)
  void anOverlayReadsExactlyWhatWasLastWrittenOrElseTheBase(
      @ForAll("writes") Map<String, Optional<byte[]>> base, @ForAll("writes") Map<String, Optional<byte[]>> writes) {
    Map<String, byte[]> baseValues = new LinkedHashMap<>();
    base.forEach((k, v) -> v.ifPresent(bytes -> baseValues.put(k, bytes)));
    StateView baseView = key -> Optional.ofNullable(baseValues.get(key)).map(byte[]::clone);
    StateOverlay overlay = new StateOverlay(baseView);
    writes.forEach((key, value) -> {
      if (value.isPresent()) {
        overlay.put(key, value.get());
      } else {
        overlay.delete(key);
      }
    });
    for (String key : union(base.keySet(), writes.keySet())) {
      Optional<byte[]> expected = writes.containsKey(key) ? writes.get(key) : Optional.ofNullable(baseValues.get(key));
      Optional<byte[]> actual = overlay.get(key);
      assertThat(actual.isPresent()).as(key).isEqualTo(expected.isPresent());
      actual.ifPresent(v -> assertThat(v).isEqualTo(expected.get()));
    }
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }
}
