package org.medledger.node.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.chain.TransactionLocation;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.node.storage.Column;
import org.medledger.node.storage.RawLedgerStorage;
import org.medledger.node.storage.StorageLayout;

/**
 * The checks made once every block has passed: nothing stored beside the chain (headers, seals,
 * index entries above the head or for transactions not on chain), and the stored world state
 * equal, entry by entry, to the re-executed one. Each returns its lowest finding.
 */
final class StoreSweep {
  private final RawLedgerStorage raw;
  private final long head;

  StoreSweep(RawLedgerStorage raw, long head) {
    this.raw = raw;
    this.head = head;
  }

  /** Blocks or headers stored above the head, or under keys that are no height. */
  Finding strays(Column column, String what) {
    Finding[] found = new Finding[1];
    raw.forEach(column, (key, value) -> {
      if (key.length != StorageLayout.HEIGHT_LENGTH) {
        found[0] = Finding.lower(found[0], new Finding(head, "the " + column.columnName()
            + " column holds an entry under a malformed key (" + key.length + " bytes)"));
        return;
      }
      long height = ByteBuffer.wrap(key).getLong();
      if (height < 0 || height > head) {
        found[0] = Finding.lower(found[0], new Finding(height < 0 ? head : height, what + " is stored for block "
            + Long.toUnsignedString(height) + ", above the head (block " + head + ")"));
      }
    });
    return found[0];
  }

  /** Seals stored above the head, or under keys too short to name a height. */
  Finding straySeals() {
    Finding[] found = new Finding[1];
    raw.forEach(Column.SEALS, (key, value) -> {
      if (key.length < StorageLayout.HEIGHT_LENGTH) {
        found[0] = Finding.lower(found[0], new Finding(head, "the seals column holds an entry under a malformed key ("
            + key.length + " bytes)"));
        return;
      }
      long height = ByteBuffer.wrap(key).getLong();
      if (height < 0 || height > head) {
        found[0] = Finding.lower(found[0], new Finding(height < 0 ? head : height, "a seal is stored for block "
            + Long.toUnsignedString(height) + ", above the head (block " + head + ")"));
      }
    });
    return found[0];
  }

  /**
   * Index entries for transactions that are not on chain. Every transaction of every block was
   * found at its own entry; so if the index holds more entries than the chain transactions, the
   * extra ones are looked for (reading the blocks they point at).
   */
  Finding extraIndexEntries(long transactions) {
    long[] count = new long[1];
    raw.forEach(Column.TX_INDEX, (key, value) -> count[0]++);
    if (count[0] == transactions) {
      return null;
    }
    Finding[] found = new Finding[1];
    Block[] cached = new Block[1];
    raw.forEach(Column.TX_INDEX, (key, value) -> {
      Finding finding = extraEntry(key, value, cached);
      found[0] = Finding.lower(found[0], finding);
    });
    if (found[0] == null) { // cannot happen unless the store changed under us
      found[0] = new Finding(head, "the transaction index holds " + count[0] + " entries for " + transactions
          + " transactions on chain");
    }
    return found[0];
  }

  private Finding extraEntry(byte[] key, byte[] value, Block[] cached) {
    if (key.length != Digest.LENGTH) {
      return new Finding(head, "the transaction index holds an entry under a malformed key (" + key.length + " bytes)");
    }
    String id = Digest.of(key).hex();
    TransactionLocation location;
    try {
      location = StorageLayout.location(value);
    } catch (IllegalArgumentException e) {
      return new Finding(head, "the transaction index holds a damaged entry for " + id + ", which is not on chain");
    }
    if (location.height() > head) {
      return new Finding(location.height(), "the transaction index places transaction " + id + " at block "
          + location.height() + ", above the head (block " + head + ")");
    }
    Block block = cached[0];
    if (block == null || block.height() != location.height()) {
      Optional<byte[]> bytes = raw.raw(Column.BLOCKS, StorageLayout.heightKey(location.height()));
      try {
        block = LedgerCodec.decodeBlock(bytes.orElseThrow());
      } catch (MalformedEncodingException | java.util.NoSuchElementException e) {
        return new Finding(location.height(), "block " + location.height() + " changed while it was verified");
      }
      cached[0] = block;
    }
    int index = location.index();
    if (index >= block.transactions().size() || !block.transactions().get(index).id().equals(Digest.of(key))) {
      return new Finding(location.height(), "the transaction index places transaction " + id + ", which is not on chain,"
          + " at block " + location.height() + ", position " + index);
    }
    return null;
  }

  /**
   * The stored state against the re-executed one: a value that differs, an entry re-execution
   * does not have, or one it has that is missing. Each is reported at the block that last wrote
   * (or deleted) the key; an entry no block ever wrote, at the head.
   */
  Finding state(ReplayChain replay) {
    Map<String, byte[]> expected = replay.stateEntries();
    Finding[] found = new Finding[1];
    long[] matched = new long[1];
    raw.forEach(Column.STATE, (keyBytes, value) -> {
      Optional<String> key = utf8(keyBytes);
      if (key.isEmpty()) {
        found[0] = Finding.lower(found[0], new Finding(head, "the state holds an entry under a key that is not UTF-8"));
        return;
      }
      byte[] replayed = expected.get(key.get());
      Optional<Long> writer = replay.lastWritten(key.get());
      if (replayed == null) {
        found[0] = Finding.lower(found[0], writer.isPresent()
            ? new Finding(writer.get(), "the state holds an entry " + Texts.quote(key.get()) + " that block "
                + writer.get() + " deleted")
            : new Finding(head, "the state holds an entry " + Texts.quote(key.get()) + " that no block wrote"));
      } else if (!Arrays.equals(replayed, value)) {
        long height = writer.orElse(head);
        found[0] = Finding.lower(found[0], new Finding(height, "the state entry " + Texts.quote(key.get())
            + " differs from the re-executed state (last written by block " + height + ")"));
      } else {
        matched[0]++;
      }
    });
    if (matched[0] < expected.size()) {
      for (String key : new TreeSet<>(expected.keySet())) { // in order, so that ties resolve alike every time
        if (raw.raw(Column.STATE, StorageLayout.stateKey(key)).isEmpty()) {
          long height = replay.lastWritten(key).orElse(head);
          found[0] = Finding.lower(found[0], new Finding(height, "the state entry " + Texts.quote(key)
              + " written by block " + height + " is missing"));
        }
      }
    }
    return found[0];
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
