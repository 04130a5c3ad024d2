package org.medledger.node.verify;

import java.nio.file.Path;

/**
 * The result of verifying a data directory: {@link Intact}, {@link Tampered} (the first bad height
 * and why) or {@link Unreadable}. {@link #message()} is one line for a person.
 */
public sealed interface ChainReport permits ChainReport.Intact, ChainReport.Tampered, ChainReport.Unreadable {
  ChainVerdict verdict();

  /** One line saying what was found. */
  String message();

  /** Every check passed. */
  record Intact(Path directory, long headHeight, ChainCounts counts) implements ChainReport {
    @Override
    public ChainVerdict verdict() {
      return ChainVerdict.INTACT;
    }

    @Override
    public String message() {
      return "chain in " + directory + " is intact up to block " + headHeight + ": " + counts;
    }
  }

  /**
   * A check failed. {@code height} is the lowest height found bad: walking from the genesis block,
   * the first block that fails a check; if every block passes, the block that last wrote a bad
   * state entry or that a stray index entry or seal names (damage that names no block at all is
   * reported at the head).
   *
   * @param checked what was verified before the failure
   */
  record Tampered(Path directory, long height, String reason, ChainCounts checked) implements ChainReport {
    @Override
    public ChainVerdict verdict() {
      return ChainVerdict.TAMPERED;
    }

    @Override
    public String message() {
      return "chain in " + directory + " is tampered at block " + height + ": " + reason;
    }
  }

  /** The data directory could not be read as a chain store; {@code reason} names it. */
  record Unreadable(Path directory, String reason) implements ChainReport {
    @Override
    public ChainVerdict verdict() {
      return ChainVerdict.UNREADABLE;
    }

    @Override
    public String message() {
      return reason;
    }
  }
}
