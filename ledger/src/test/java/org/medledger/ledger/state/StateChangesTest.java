package org.medledger.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;

class StateChangesTest {
  private static final Digest PREVIOUS = Digest.sha256(bytes("previous root"));

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Optional<byte[]>> writes(Object... keysAndValues) {
    Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      writes.put((String) keysAndValues[i],
          keysAndValues[i + 1] == null ? Optional.empty() : Optional.of(bytes((String) keysAndValues[i + 1])));
    }
    return writes;
  }

  private static Digest root(Object... keysAndValues) {
    return StateChanges.of(writes(keysAndValues)).nextRoot(PREVIOUS);
  }

  /** The documented construction, computed independently. */
  private static byte[] expectedRoot(Digest previous, Map<String, Optional<byte[]>> writes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, Optional<byte[]>> e : new TreeMap<>(writes).entrySet()) {
      byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
      out.write(ByteBuffer.allocate(4).putInt(key.length).array());
      out.write(key);
      out.write(e.getValue().isPresent() ? 1 : 0);
      if (e.getValue().isPresent()) {
        out.write(ByteBuffer.allocate(4).putInt(e.getValue().get().length).array());
        out.write(e.getValue().get());
      }
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] changesDigest = sha.digest(out.toByteArray());
    sha.update(previous.toByteArray());
    sha.update(changesDigest);
    return sha.digest();
  }

  @Test
  void theNextRootIsTheDocumentedHashOfThePreviousRootAndTheSortedChanges() throws Exception {
    Map<String, Optional<byte[]>> writes = writes("b", "2", "a", "1", "gone", null, "empty", "");
    assertThat(StateChanges.of(writes).nextRoot(PREVIOUS).toByteArray()).isEqualTo(expectedRoot(PREVIOUS, writes));
  }

  @Test
  void noChangesStillAdvanceTheRoot() throws Exception {
    assertThat(StateChanges.NONE.isEmpty()).isTrue();
    assertThat(StateChanges.NONE.nextRoot(PREVIOUS)).isNotEqualTo(PREVIOUS);
    assertThat(StateChanges.NONE.nextRoot(PREVIOUS).toByteArray()).isEqualTo(expectedRoot(PREVIOUS, Map.of()));
    assertThat(StateChanges.of(Map.of()).nextRoot(PREVIOUS)).isEqualTo(StateChanges.NONE.nextRoot(PREVIOUS));
  }

  @Test
  void theRootDependsOnThePreviousRoot() {
    StateChanges changes = StateChanges.of(writes("a", "1"));
    assertThat(changes.nextRoot(PREVIOUS)).isNotEqualTo(changes.nextRoot(Digest.ZERO));
  }

  @Test
  void theRootDependsOnEveryKeyValueAndKindOfWrite() {
    List<Digest> roots = List.of(
        root("a", "1", "b", "2"),
        root("a", "1", "c", "2"),         // another key
        root("a", "1", "b", "3"),         // another value
        root("a", "1", "b", null),        // delete instead of put
        root("a", "1", "b", ""),          // put of an empty value, not a delete
        root("a", "1"),                   // a write fewer
        root("a", "1", "b", "2", "c", "3"), // a write more
        root("a", "1", "B", "2"));        // case matters
    assertThat(roots).doesNotHaveDuplicates();
  }

  @Test
  void lengthPrefixesKeepKeyAndValueBoundariesApart() {
    assertThat(root("ab", "c")).isNotEqualTo(root("a", "bc"));
    assertThat(root("a", "b", "c", "d")).isNotEqualTo(root("a", "bc", "d", ""));
    assertThat(root("k", "\u0001")).isNotEqualTo(root("k", null, "\u0001", null));
  }

  @Test
  void theRootIsIndependentOfInsertionOrder() {
    assertThat(root("a", "1", "b", "2", "c", null)).isEqualTo(root("c", null, "b", "2", "a", "1"));
  }

  @Test
  void writesAreSortedByKeyAndCopied() {
    byte[] value = bytes("v");
    Map<String, Optional<byte[]>> input = new LinkedHashMap<>();
    input.put("z", Optional.of(value));
    input.put("a", Optional.empty());
    StateChanges changes = StateChanges.of(input);
    Digest root = changes.nextRoot(PREVIOUS);
    value[0] = 'X';
    input.put("m", Optional.of(bytes("late")));
    assertThat(changes.writes().keySet()).containsExactly("a", "z");
    assertThat(changes.nextRoot(PREVIOUS)).isEqualTo(root);
  }

  /**
   * Keys become bytes with String.getBytes(UTF_8), which would replace a lone surrogate by '?' and
   * make two different change sets share a root; such keys are refused.
   */
  @Test
  void keysThatAreNotValidUnicodeDoNotCollideWithOtherKeys() {
    // Refusing such keys is how they are kept from colliding with "k?".
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> root("k\uD800", "v"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed Unicode");
    assertThat(root("k\uD83D\uDE00", "v")).isNotEqualTo(root("k?", "v"));
  }
}
