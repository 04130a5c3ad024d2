package org.medledger.contracts.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bounded cache keeps values up to its weight, dropping the least recently used first. */
class BoundedCacheTest {

  @Test
  void keptValuesAreReturnedAndCounted() {
    BoundedCache<String, String> cache = new BoundedCache<>(10);
    assertThat(cache.get("a")).isNull();
    cache.put("a", "alpha", 3);
    assertThat(cache.get("a")).isEqualTo("alpha");
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.weight()).isEqualTo(3);
  }

  @Test
  void theLeastRecentlyUsedValuesGoFirstUntilTheNewOneFits() {
    BoundedCache<String, String> cache = new BoundedCache<>(10);
    cache.put("a", "alpha", 4);
    cache.put("b", "beta", 4);
    cache.get("a"); // b is now the least recently used
    cache.put("c", "gamma", 4);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a")).isEqualTo("alpha");
    assertThat(cache.get("c")).isEqualTo("gamma");
    assertThat(cache.weight()).isEqualTo(8);

    cache.put("d", "delta", 10);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("d")).isEqualTo("delta");
  }

  @Test
  void replacingAValueCountsItsWeightOnce() {
    BoundedCache<String, String> cache = new BoundedCache<>(10);
    cache.put("a", "alpha", 6);
    cache.put("a", "alpha again", 6);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.weight()).isEqualTo(6);
    assertThat(cache.get("a")).isEqualTo("alpha again");
  }

  @Test
  void aValueHeavierThanTheCapacityIsNotKeptAndACacheOfNoCapacityKeepsNothing() {
    BoundedCache<String, String> small = new BoundedCache<>(5);
    small.put("a", "alpha", 2);
    small.put("big", "too big", 6);
    assertThat(small.get("big")).isNull();
    assertThat(small.get("a")).isEqualTo("alpha");

    BoundedCache<String, String> none = new BoundedCache<>(0);
    none.put("a", "alpha", 1);
    assertThat(none.get("a")).isNull();
    assertThat(none.size()).isZero();
  }

  @Test
  void badCapacitiesAndWeightsAreRefused() {
    assertThatThrownBy(() -> new BoundedCache<String, String>(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundedCache<String, String>(4).put("a", "alpha", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stateValueKeysCompareOwnerAndBytesByContentAndDetachFromTheCallersArray() {
    byte[] bytes = {1, 2, 3};
    StateValueKey lookup = StateValueKey.lookup("alice", bytes);
    StateValueKey kept = lookup.detached();
    assertThat(kept).isEqualTo(lookup).hasSameHashCodeAs(lookup);
    assertThat(StateValueKey.lookup("bob", bytes.clone())).isNotEqualTo(kept);
    assertThat(StateValueKey.lookup("alice", new byte[] {1, 2, 4})).isNotEqualTo(kept);
    bytes[0] = 9;
    assertThat(kept).isEqualTo(StateValueKey.lookup("alice", new byte[] {1, 2, 3}));
    assertThat(kept.toString()).doesNotContain("alice");
  }
}
