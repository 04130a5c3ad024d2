package org.medledger.ledger.block;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medledger.ledger.Text;

/** Something a contract reports about a transaction, e.g. {@code certificate.recorded}. */
public record Event(String name, SortedMap<String, String> attributes) {
  public Event {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("an event needs a name");
    }
    Text.requireWellFormed(name, "an event name");
    attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    attributes.forEach((k, v) -> {
      Text.requireWellFormed(k, "an event attribute");
      Text.requireWellFormed(v, "an event attribute");
    });
  }

  public static Event of(String name, Map<String, String> attributes) {
    return new Event(name, new TreeMap<>(attributes));
  }
}
