package org.medledger.node.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.medledger.ledger.Digest;
import org.medledger.ledger.chain.TransactionLocation;

/**
 * How a chain store lays out keys and values in its {@link Column}s. Shared by the store and by
 * anything that reads the raw bytes ({@code verify-chain}, tamper tests).
 */
public final class StorageLayout {
  /** The layout version recorded under {@link #FORMAT_KEY}. */
  public static final int FORMAT = 1;
  /** {@link Column#META} key of the head height (8 bytes, big-endian). */
  public static final byte[] HEAD_KEY = "head".getBytes(StandardCharsets.US_ASCII);
  /** {@link Column#META} key of the last applied log index (8 bytes, big-endian). */
  public static final byte[] APPLIED_KEY = "applied".getBytes(StandardCharsets.US_ASCII);
  /** {@link Column#META} key of the layout format (4 bytes, big-endian). */
  public static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);
  /** Length of a height key and of a head record. */
  public static final int HEIGHT_LENGTH = Long.BYTES;
  /** Length of a transaction index value: height and position. */
  public static final int LOCATION_LENGTH = Long.BYTES + Integer.BYTES;

  private StorageLayout() {}

  /** The key of a block or header: its height, 8 bytes big-endian (so keys sort by height). */
  public static byte[] heightKey(long height) {
    if (height < 0) {
      throw new IllegalArgumentException("heights are never negative");
    }
    return ByteBuffer.allocate(HEIGHT_LENGTH).putLong(height).array();
  }

  /**
   * The height in a height key or head record.
   *
   * @throws IllegalArgumentException if the bytes are not 8 bytes holding a non-negative height
   */
  public static long height(byte[] bytes) {
    if (bytes.length != HEIGHT_LENGTH) {
      throw new IllegalArgumentException("expected " + HEIGHT_LENGTH + " bytes, found " + bytes.length);
    }
    long height = ByteBuffer.wrap(bytes).getLong();
    if (height < 0) {
      throw new IllegalArgumentException("negative height " + height);
    }
    return height;
  }

  /** The transaction index key: the transaction id's 32 bytes. */
  public static byte[] transactionKey(Digest transactionId) {
    return transactionId.toByteArray();
  }

  /** The transaction index value: height (8 bytes) then position (4 bytes), big-endian. */
  public static byte[] locationValue(TransactionLocation location) {
    return ByteBuffer.allocate(LOCATION_LENGTH).putLong(location.height()).putInt(location.index()).array();
  }

  /**
   * The location in a transaction index value.
   *
   * @throws IllegalArgumentException if the bytes are not 12 bytes holding a non-negative height
   *     and position
   */
  public static TransactionLocation location(byte[] bytes) {
    if (bytes.length != LOCATION_LENGTH) {
      throw new IllegalArgumentException("expected " + LOCATION_LENGTH + " bytes, found " + bytes.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long height = buffer.getLong();
    int index = buffer.getInt();
    if (height < 0 || index < 0) {
      throw new IllegalArgumentException("negative height or position");
    }
    return new TransactionLocation(height, index);
  }

  /** The state key: the key's UTF-8 bytes. */
  public static byte[] stateKey(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  /** The format record: {@link #FORMAT}, 4 bytes big-endian. */
  public static byte[] formatValue() {
    return ByteBuffer.allocate(Integer.BYTES).putInt(FORMAT).array();
  }
}
