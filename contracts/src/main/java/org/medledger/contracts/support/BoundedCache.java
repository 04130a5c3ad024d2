package org.medledger.contracts.support;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe least-recently-used cache bounded by the total weight of its values (a value's
 * weight is what the caller says it costs, e.g. the number of consents it holds). Putting a value
 * evicts the least recently used ones until the total fits; a value heavier than the whole
 * capacity is not kept. A cache of capacity 0 keeps nothing.
 *
 * <p>It holds no state of its own that a caller could observe besides what was put: callers that
 * need deterministic results must key values by what determines them (e.g. the exact bytes a value
 * was decoded from).
 */
public final class BoundedCache<K, V> {
  private final long capacity;
  private final LinkedHashMap<K, Weighted<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;
  private long hits;
  private long misses;

  private record Weighted<V>(V value, int weight) {}

  public BoundedCache(long capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("a cache's capacity cannot be negative: " + capacity);
    }
    this.capacity = capacity;
  }

  /** The value kept under {@code key}, or {@code null}; counts a hit or a miss. */
  public V get(K key) {
    synchronized (entries) {
      Weighted<V> entry = entries.get(key);
      if (entry == null) {
        misses++;
        return null;
      }
      hits++;
      return entry.value();
    }
  }

  /** Keeps {@code value} under {@code key} (replacing any), evicting the least recently used values to fit. */
  public void put(K key, V value, int valueWeight) {
    if (valueWeight < 1) {
      throw new IllegalArgumentException("a cached value weighs at least 1: " + valueWeight);
    }
    synchronized (entries) {
      Weighted<V> previous = entries.remove(key);
      if (previous != null) {
        weight -= previous.weight();
      }
      if (valueWeight > capacity) {
        return;
      }
      entries.put(key, new Weighted<>(value, valueWeight));
      weight += valueWeight;
      Iterator<Map.Entry<K, Weighted<V>>> eldest = entries.entrySet().iterator();
      while (weight > capacity) {
        weight -= eldest.next().getValue().weight();
        eldest.remove();
      }
    }
  }

  public long capacity() {
    return capacity;
  }

  /** How many values are kept. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** The total weight of the values kept. */
  public long weight() {
    synchronized (entries) {
      return weight;
    }
  }

  public long hits() {
    synchronized (entries) {
      return hits;
    }
  }

  public long misses() {
    synchronized (entries) {
      return misses;
    }
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
      weight = 0;
    }
  }
}
