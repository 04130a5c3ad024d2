package org.medledger.node.storage;

/**
 * The key spaces of a chain store. Keys and values are laid out as {@link StorageLayout}
 * describes.
 */
public enum Column {
  /** Height (8 bytes, big-endian) → the block's canonical encoding. */
  BLOCKS("blocks"),
  /** Height (8 bytes, big-endian) → the header's canonical encoding, for cheap header reads. */
  HEADERS("headers"),
  /** Transaction id (32 bytes) → height (8 bytes, big-endian) and position (4 bytes, big-endian). */
  TX_INDEX("tx_index"),
  /** State key (UTF-8) → value. */
  STATE("state"),
  /** Height (8 bytes, big-endian) and validator id (UTF-8) → that validator's seal over the header. */
  SEALS("seals"),
  /** Store metadata: the head height and the layout format. */
  META("meta");

  private final String columnName;

  Column(String columnName) {
    this.columnName = columnName;
  }

  /** The name the column has on disk. */
  public String columnName() {
    return columnName;
  }
}
