package org.medledger.node.storage.rocksdb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;

/** Everything a store holds, as hex "key=value" lines per column: for "nothing was written" checks. */
final class RawContents {
  private static final HexFormat HEX = HexFormat.of();

  private RawContents() {}

  static Map<Column, List<String>> of(RawLedgerStorage raw) {
    Map<Column, List<String>> contents = new EnumMap<>(Column.class);
    for (Column column : Column.values()) {
      List<String> entries = new ArrayList<>();
      raw.forEach(column, (key, value) -> entries.add(HEX.formatHex(key) + "=" + HEX.formatHex(value)));
      contents.put(column, entries);
    }
    return contents;
  }
}
