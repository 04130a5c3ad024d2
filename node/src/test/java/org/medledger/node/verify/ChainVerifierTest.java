package org.medledger.node.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.execution.BlockRoots;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;
import org.medledger.node.storage.StorageLayout;
import org.medledger.node.storage.rocksdb.RocksChainStore;

/**
 * verify-chain over real chains in RocksDB (see {@link TestChain}), intact and tampered with
 * through the storage layer: every change is named at the right height.
 */
class ChainVerifierTest {
  private static final TestConsortium CONSORTIUM = TestConsortium.standard();
  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path temp;

  private Path dataDir;
  private TestChain chain;
  private final ChainVerifier verifier = new ChainVerifier(CONSORTIUM.genesis());

  @BeforeEach
  void buildChain() {
    dataDir = temp.resolve("chain").toAbsolutePath();
    chain = TestChain.build(CONSORTIUM, dataDir);
  }

  // ---- intact

  @Test
  void anIntactChainVerifiesWithItsCounts() {
    ChainReport report = verify();

    assertThat(report).isInstanceOf(ChainReport.Intact.class);
    assertThat(report.verdict()).isEqualTo(ChainVerdict.INTACT);
    assertThat(report.verdict().exitCode()).isZero();
    ChainReport.Intact intact = (ChainReport.Intact) report;
    assertThat(intact.headHeight()).isEqualTo(5);
    assertThat(intact.counts()).isEqualTo(new ChainCounts(6, 10, 4, 6, stateEntryCount()));
    assertThat(chain.block(4).results()).extracting(TransactionResult::code)
        .containsExactly("certificate-revoked", "ok");
  }

  @Test
  void aChainOfOnlyTheGenesisBlockIsIntact() {
    Path other = temp.resolve("genesis-only");
    TestChain.genesisOnly(CONSORTIUM, other);

    ChainReport report = verifier.verify(other);

    assertThat(report).isInstanceOf(ChainReport.Intact.class);
    assertThat(((ChainReport.Intact) report).counts().blocks()).isEqualTo(1);
  }

  @Test
  void verifyingWritesNothing() throws IOException {
    List<String> filesBefore = fileNames();
    List<String> before = contents();

    verify();

    assertThat(fileNames()).isEqualTo(filesBefore);
    assertThat(contents()).isEqualTo(before);
  }

  @Test
  void aStoreOpenForWritingCanBeVerifiedAtTheSameTime() {
    try (RocksChainStore running = RocksChainStore.open(dataDir)) {
      assertThat(running.height()).isEqualTo(5);

      assertThat(verify().verdict()).isEqualTo(ChainVerdict.INTACT);
    }
  }

  // ---- flipped bytes, through the storage layer

  @Test
  void aFlippedByteInAStoredTransactionIsNamedAtItsBlock() {
    byte[] stored = raw(Column.BLOCKS, StorageLayout.heightKey(2));
    byte[] tx = chain.block(2).transactions().get(1).encoded();
    int at = indexOf(stored, tx) + tx.length / 2; // inside the payload (a certificate)
    stored[at] ^= 0x01;
    tamper(raw -> raw.overwriteRaw(Column.BLOCKS, StorageLayout.heightKey(2), stored));

    assertTampered(2, "the transactions of block 2 do not match the transactions root in its header");
  }

  @Test
  void aFlippedByteInATransactionSignatureIsNamedAtItsBlock() {
    byte[] stored = raw(Column.BLOCKS, StorageLayout.heightKey(1));
    byte[] tx = chain.block(1).transactions().get(2).encoded();
    int at = indexOf(stored, tx) + tx.length - 3; // inside the signature
    stored[at] ^= 0x40;
    tamper(raw -> raw.overwriteRaw(Column.BLOCKS, StorageLayout.heightKey(1), stored));

    assertTampered(1, "the transactions of block 1 do not match the transactions root in its header");
  }

  @Test
  void aFlippedByteInAStoredHeaderIsNamedAtItsBlock() {
    byte[] header = raw(Column.HEADERS, StorageLayout.heightKey(3));
    header[header.length - 2] ^= 0x01;
    tamper(raw -> raw.overwriteRaw(Column.HEADERS, StorageLayout.heightKey(3), header));

    assertTampered(3, "the stored header of block 3 differs from the block's own header");
  }

  @Test
  void aFlippedByteInATransactionIndexEntryIsNamedAtTheTransactionsBlock() {
    SignedTransaction tx = chain.block(2).transactions().get(1);
    byte[] key = StorageLayout.transactionKey(tx.id());
    byte[] entry = raw(Column.TX_INDEX, key);
    entry[entry.length - 1] ^= 0x02;
    tamper(raw -> raw.overwriteRaw(Column.TX_INDEX, key, entry));

    assertTampered(2, "the transaction index places transaction 1 of block 2 (id " + tx.id().hex()
        + ") at block 2, position 3");
  }

  @Test
  void aFlippedByteInAStateValueIsNamedAtTheBlockThatLastWroteIt() {
    String key = IdentityKeys.certificate(CertificateCodec.fingerprint(chain.clerk.certificate()));
    byte[] value = raw(Column.STATE, StorageLayout.stateKey(key));
    value[value.length - 1] ^= 0x01;
    tamper(raw -> raw.overwriteRaw(Column.STATE, StorageLayout.stateKey(key), value));

    assertTampered(TestChain.REVOCATION_HEIGHT, "the state entry '" + key
        + "' differs from the re-executed state (last written by block 3)");
  }

  @Test
  void aFlippedByteInASealIsNamedAtItsBlock() {
    byte[] key = sealKey(4);
    byte[] seal = raw(Column.SEALS, key);
    seal[seal.length - 1] ^= 0x01;
    tamper(raw -> raw.overwriteRaw(Column.SEALS, key, seal));

    assertTampered(4, "the seal of 'validator-1' over block 4 does not verify against its header");
  }

  // ---- deleted, added, rewritten

  @Test
  void aDeletedIndexEntryIsNamedAtItsBlock() {
    SignedTransaction tx = chain.block(4).transactions().get(1);
    tamper(raw -> raw.deleteRaw(Column.TX_INDEX, StorageLayout.transactionKey(tx.id())));

    assertTampered(4, "transaction 1 of block 4 (id " + tx.id().hex() + ") is not in the transaction index");
  }

  @Test
  void anIndexEntryForATransactionNotOnChainIsNamedAtTheBlockItPointsAt() {
    Digest bogus = Digest.sha256("no such transaction".getBytes(StandardCharsets.UTF_8));
    tamper(raw -> raw.overwriteRaw(Column.TX_INDEX, StorageLayout.transactionKey(bogus),
        StorageLayout.locationValue(new org.medledger.ledger.chain.TransactionLocation(2, 0))));

    assertTampered(2, "the transaction index places transaction " + bogus.hex()
        + ", which is not on chain, at block 2, position 0");
  }

  @Test
  void aDeletedBlockIsNamedAsMissing() {
    tamper(raw -> raw.deleteRaw(Column.BLOCKS, StorageLayout.heightKey(3)));

    assertTampered(3, "block 3 is missing (the store's head is block 5)");
  }

  @Test
  void aBlockStoredAboveTheHeadIsNamed() {
    byte[] copy = raw(Column.BLOCKS, StorageLayout.heightKey(5));
    tamper(raw -> raw.overwriteRaw(Column.BLOCKS, StorageLayout.heightKey(6), copy));

    assertTampered(6, "a block is stored for block 6, above the head (block 5)");
  }

  @Test
  void aResultAlteredAndReEncodedCanonicallyIsNamedWithItsTransaction() {
    Block original = chain.block(4);
    List<TransactionResult> results = new ArrayList<>(original.results());
    SignedTransaction revokedSigners = original.transactions().get(0);
    results.set(0, TransactionResult.ok(revokedSigners.id(), List.of()));
    byte[] forged = LedgerCodec.encode(new Block(original.header(), original.transactions(), results));
    tamper(raw -> raw.overwriteRaw(Column.BLOCKS, StorageLayout.heightKey(4), forged));

    ChainReport.Tampered report = assertTampered(4,
        "the results of block 4 do not match the results root in its header; transaction 0 of block 4 (id "
            + revokedSigners.id().hex() + "): the block records ok, re-execution gives certificate-revoked: ");
    assertThat(report.reason()).contains("revoked on chain at block 3");
  }

  @Test
  void aBlockForgedConsistentlyAndResealedIsCaughtByReExecution() {
    // Someone holding the validator's key rewrites the last block: a refused transaction now
    // "succeeded", the results root and header recomputed, the block re-sealed. Only
    // re-execution can tell.
    Block original = chain.block(5);
    SignedTransaction stranger = original.transactions().get(0);
    List<TransactionResult> results = List.of(TransactionResult.ok(stranger.id(), List.of()));
    BlockHeader h = original.header();
    BlockHeader header = new BlockHeader(h.chainId(), h.height(), h.previousHash(), h.transactionsRoot(),
        h.transactionCount(), BlockRoots.digest(BlockRoots.resultsTree(results).root()), h.stateRoot(), h.timestamp(),
        h.proposer());
    Block forged = new Block(header, original.transactions(), results);
    tamper(raw -> {
      raw.overwriteRaw(Column.BLOCKS, StorageLayout.heightKey(5), LedgerCodec.encode(forged));
      raw.overwriteRaw(Column.HEADERS, StorageLayout.heightKey(5), LedgerCodec.encode(header));
      raw.overwriteRaw(Column.SEALS, sealKey(5), LedgerCodec.encode(chain.seal(forged)));
    });

    ChainReport.Tampered report = assertTampered(5, "transaction 0 of block 5 (id " + stranger.id().hex()
        + "): the block records ok, re-execution gives unknown-certificate: certificate ");
    assertThat(report.reason()).endsWith("is not on chain");
  }

  @Test
  void aSealByAnyoneButAValidatorInForceIsNamedAtItsBlock() {
    Block block = chain.block(2);
    BlockSeal impostor = BlockSeal.sign("mallory", chain.clerk.signing(), block.header());
    byte[] key = sealKey(2, "mallory");
    tamper(raw -> raw.overwriteRaw(Column.SEALS, key, LedgerCodec.encode(impostor)));

    assertTampered(2, "a seal over block 2 is by 'mallory', who is not a validator at block 2");
  }

  @Test
  void aStateEntryNoBlockWroteIsNamedAtTheHead() {
    tamper(raw -> raw.overwriteRaw(Column.STATE, StorageLayout.stateKey("identity/cert/forged"), new byte[] {1}));

    assertTampered(5, "the state holds an entry 'identity/cert/forged' that no block wrote");
  }

  @Test
  void aMissingStateEntryIsNamedAtTheBlockThatWroteIt() {
    String key = IdentityKeys.certificate(CertificateCodec.fingerprint(chain.clerk.certificate()));
    tamper(raw -> raw.deleteRaw(Column.STATE, StorageLayout.stateKey(key)));

    assertTampered(3, "the state entry '" + key + "' written by block 3 is missing");
  }

  @Test
  void aChainOfAnotherGenesisIsTamperedAtBlockZero() {
    TestConsortium other = TestConsortium.standard();

    ChainReport report = new ChainVerifier(other.genesis()).verify(dataDir);

    assertThat(report).isInstanceOf(ChainReport.Tampered.class);
    ChainReport.Tampered tampered = (ChainReport.Tampered) report;
    assertThat(tampered.height()).isZero();
    assertThat(tampered.reason()).startsWith("block 0 is not the genesis block of this genesis file: it hashes to "
        + chain.block(0).header().hash().hex() + ", the genesis file gives ");
    print(report);
  }

  // ---- unreadable

  @Test
  void corruptedRocksDbFilesAreUnreadableWithAOneLineMessage() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path table : files.filter(p -> p.toString().endsWith(".sst")).toList()) {
        try (RandomAccessFile file = new RandomAccessFile(table.toFile(), "rw")) {
          long middle = file.length() / 2;
          for (int i = 0; i < 16; i++) {
            file.seek(middle + i);
            int b = file.read();
            file.seek(middle + i);
            file.write(b ^ 0xFF);
          }
        }
      }
    }

    assertUnreadable(verifier.verify(dataDir), "data directory " + dataDir + " is damaged: ");
  }

  @Test
  void aMissingDirectoryIsUnreadable() {
    Path missing = temp.resolve("no-such-dir").toAbsolutePath();

    assertUnreadable(verifier.verify(missing), "data directory " + missing + " does not exist");
  }

  @Test
  void anEmptyDirectoryIsUnreadable() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty")).toAbsolutePath();

    assertUnreadable(verifier.verify(empty), "data directory " + empty + " holds no chain store");
  }

  // ---- helpers

  private ChainReport verify() {
    ChainReport report = verifier.verify(dataDir);
    print(report);
    return report;
  }

  private ChainReport.Tampered assertTampered(long height, String reasonStart) {
    ChainReport report = verify();
    assertThat(report).isInstanceOf(ChainReport.Tampered.class);
    ChainReport.Tampered tampered = (ChainReport.Tampered) report;
    assertThat(tampered.verdict()).isEqualTo(ChainVerdict.TAMPERED);
    assertThat(tampered.verdict().exitCode()).isEqualTo(1);
    assertThat(tampered.reason()).startsWith(reasonStart);
    assertThat(tampered.height()).as(tampered.reason()).isEqualTo(height);
    assertThat(tampered.message()).doesNotContain("\n");
    return tampered;
  }

  private static void assertUnreadable(ChainReport report, String messageStart) {
    print(report);
    assertThat(report).isInstanceOf(ChainReport.Unreadable.class);
    assertThat(report.verdict()).isEqualTo(ChainVerdict.UNREADABLE);
    assertThat(report.verdict().exitCode()).isEqualTo(2);
    assertThat(report.message()).startsWith(messageStart).doesNotContain("\n");
  }

  private static void print(ChainReport report) {
    System.out.println("[verify-chain] " + report.verdict() + " | " + report.message());
  }

  private void tamper(Consumer<RawLedgerStorage> change) {
    try (RocksChainStore store = RocksChainStore.open(dataDir)) {
      change.accept(store.raw());
    }
  }

  private byte[] raw(Column column, byte[] key) {
    try (RocksChainStore store = RocksChainStore.openReadOnly(dataDir)) {
      return store.raw().raw(column, key).orElseThrow();
    }
  }

  private long stateEntryCount() {
    try (RocksChainStore store = RocksChainStore.openReadOnly(dataDir)) {
      long[] n = new long[1];
      store.raw().forEach(Column.STATE, (k, v) -> n[0]++);
      return n[0];
    }
  }

  private List<String> contents() {
    List<String> lines = new ArrayList<>();
    try (RocksChainStore store = RocksChainStore.openReadOnly(dataDir)) {
      for (Column column : Column.values()) {
        store.raw().forEach(column, (k, v) -> lines.add(column + " " + HEX.formatHex(k) + "=" + HEX.formatHex(v)));
      }
    }
    return lines;
  }

  /** The store's files with their sizes and modification times. */
  private List<String> fileNames() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.map(p -> {
        try {
          return p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
  }

  private static byte[] sealKey(long height) {
    return sealKey(height, TestChain.VALIDATOR);
  }

  private static byte[] sealKey(long height, String validator) {
    byte[] prefix = StorageLayout.heightKey(height);
    byte[] name = validator.getBytes(StandardCharsets.UTF_8);
    byte[] key = Arrays.copyOf(prefix, prefix.length + name.length);
    System.arraycopy(name, 0, key, prefix.length, name.length);
    return key;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
