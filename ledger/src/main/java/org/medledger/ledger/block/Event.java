package org.medledger.ledger.block;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Something a contract reports about a transaction, e.g. {@code certificate.recorded}. */
public record Event(String name, SortedMap<String, String> attributes) {
  public Event {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an event needs a name");
    }
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
  }

  public static Event of(String name, Map<String, String> attributes) {
    return new Event(name, new TreeMap<>(attributes));
  }
}
