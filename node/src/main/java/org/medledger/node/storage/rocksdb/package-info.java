/**
 * The RocksDB adaptor of the chain store: {@link org.medledger.node.storage.rocksdb.RocksChainStore}.
 * The only package of MedLedger that imports {@code org.rocksdb}; nothing of RocksDB (types,
 * exceptions) leaves it.
 */
package org.medledger.node.storage.rocksdb;
