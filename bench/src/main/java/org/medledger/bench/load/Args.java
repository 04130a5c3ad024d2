package org.medledger.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of the load mains; unknown or repeated options are errors. */
final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();

  Args(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      if (values.put(args[i], args[++i]) != null) {
        throw new IllegalArgumentException(args[i - 1] + " given twice");
      }
    }
  }

  String required(String name) {
    String value = values.remove(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  String value(String name, String fallback) {
    String value = values.remove(name);
    return value == null ? fallback : value;
  }

  int intValue(String name, int fallback) {
    return Integer.parseInt(value(name, Integer.toString(fallback)).replace("_", ""));
  }

  double doubleValue(String name, double fallback) {
    return Double.parseDouble(value(name, Double.toString(fallback)));
  }

  /** A comma-separated list. */
  List<String> list(String name) {
    String value = values.remove(name);
    List<String> items = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  /** Fails if an option was given that nobody asked for. */
  void done() {
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s): " + String.join(", ", values.keySet()));
    }
  }
}
