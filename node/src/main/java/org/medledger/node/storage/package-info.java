/**
 * Where a node keeps its chain: storage ports and their on-disk layout, free of any storage
 * engine. {@link org.medledger.ledger.chain.MutableChain} is the write side the node uses;
 * {@link org.medledger.node.storage.RawLedgerStorage} is byte-level access for verification
 * and tamper tests. The RocksDB adaptor lives in {@code storage.rocksdb}, the only package
 * allowed to import RocksDB.
 */
package org.medledger.node.storage;
