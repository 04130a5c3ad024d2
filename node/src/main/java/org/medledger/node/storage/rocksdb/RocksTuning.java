package org.medledger.node.storage.rocksdb;

import org.medledger.node.storage.Column;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Filter;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBufferManager;

/**
 * The settings of the RocksDB instance behind a chain store: bounded native memory, small
 * RocksDB log files, and every integrity check RocksDB offers. Nothing here is cached on the
 * Java heap.
 */
final class RocksTuning {
  private static final long MIB = 1024L * 1024L;

  /** Block cache shared by all columns; index and filter blocks are charged to it too. */
  static final long BLOCK_CACHE_BYTES = 64 * MIB;
  /** All memtables together, charged to the block cache. */
  static final long MEMTABLE_BUDGET_BYTES = 32 * MIB;
  private static final long BLOCKS_WRITE_BUFFER_BYTES = 16 * MIB;
  private static final long OTHER_WRITE_BUFFER_BYTES = 4 * MIB;
  /** The write-ahead log is flushed away once it reaches this size. */
  private static final long MAX_WAL_BYTES = 64 * MIB;
  private static final long MAX_INFO_LOG_BYTES = MIB;
  private static final long INFO_LOGS_KEPT = 2;
  private static final long MAX_MANIFEST_BYTES = 16 * MIB;
  private static final long TABLE_BLOCK_BYTES = 16 * 1024;
  static final double BLOOM_BITS_PER_KEY = 10;

  private RocksTuning() {}

  /**
   * Options of the whole database. {@code create} allows creating the database and its column
   * families; it is set only for a directory that holds nothing yet, so that a damaged store is
   * never silently replaced by an empty one.
   */
  static DBOptions databaseOptions(boolean create, WriteBufferManager memtables) {
    return new DBOptions()
        .setCreateIfMissing(create)
        .setCreateMissingColumnFamilies(create)
        // Fail on any inconsistency found while opening or running, instead of carrying on.
        .setParanoidChecks(true)
        // After a crash, replay the write-ahead log up to its last intact record: every block is
        // one write batch, so this restores a prefix of whole blocks.
        .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
        // Flush all columns together, so that the files on disk never hold a block without its
        // index and state even if the write-ahead log is lost.
        .setAtomicFlush(true)
        .setMaxTotalWalSize(MAX_WAL_BYTES)
        .setWriteBufferManager(memtables)
        .setInfoLogLevel(InfoLogLevel.INFO_LEVEL)
        .setMaxLogFileSize(MAX_INFO_LOG_BYTES)
        .setKeepLogFileNum(INFO_LOGS_KEPT)
        .setStatsDumpPeriodSec(0)
        .setStatsPersistPeriodSec(0)
        .setMaxManifestFileSize(MAX_MANIFEST_BYTES)
        .setMaxBackgroundJobs(2);
  }

  /** Options of one column; {@code bloom} is used by the columns read by random key. */
  static ColumnFamilyOptions columnOptions(Column column, Cache cache, Filter bloom) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setBlockSize(TABLE_BLOCK_BYTES)
        .setCacheIndexAndFilterBlocks(true)
        .setCacheIndexAndFilterBlocksWithHighPriority(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    if (column == Column.TX_INDEX || column == Column.STATE) {
      table.setFilterPolicy(bloom);
    }
    return new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setWriteBufferSize(column == Column.BLOCKS ? BLOCKS_WRITE_BUFFER_BYTES : OTHER_WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(2)
        // Re-read every table file right after writing it, so a bad write is caught at once.
        .setParanoidFileChecks(true);
  }
}
