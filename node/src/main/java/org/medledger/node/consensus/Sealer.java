package org.medledger.node.consensus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.node.producer.ValidatorKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals each block this validator applies while it is in the block's validator set: signs the
 * header and proposes the seal to the log.
 * An honest validator refuses to seal a block whose time is far from its own clock (a proposer
 * cannot push block times into the future or the past unnoticed). A seal that cannot be
 * replicated is logged; the block may then become final on the other validators' seals.
 */
public final class Sealer {
  /** How far a block's time may be from this validator's clock for it to seal the block. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);

  private final ValidatorKey key;
  private final Validators validators;
  private final Replicator replicator;
  private final Clock clock;

  public Sealer(ValidatorKey key, Validators validators, Replicator replicator, Clock clock) {
    this.key = key;
    this.validators = validators;
    this.replicator = replicator;
    this.clock = clock;
  }

  public void seal(Block block) {
    BlockHeader header = block.header();
    if (!validators.at(header.height()).contains(key.id())) {
      LOG.debug("{} does not seal block {}: it is not a validator at that height", key.id(), header.height());
      return;
    }
    Instant now = clock.instant();
    if (header.timestamp().isAfter(now.plus(CLOCK_TOLERANCE))) {
      LOG.warn("{} does not seal block {}: its time {} is ahead of this validator's clock ({}) by more than {}",
          key.id(), header.height(), header.timestamp(), now, CLOCK_TOLERANCE);
      return;
    }
    if (header.timestamp().isBefore(now.minus(CLOCK_TOLERANCE))) {
      LOG.debug("{} does not seal block {}: it is older than {} (catching up)", key.id(), header.height(),
          CLOCK_TOLERANCE);
      return;
    }
    byte[] entry = LogEntryCodec.encode(new LogEntry.SealVote(header.height(), header.hash(),
        BlockSeal.sign(key.id(), key.signer(), header)));
    replicator.replicate(entry).whenComplete((ok, failure) -> {
      if (failure != null) {
        LOG.warn("{} could not replicate its seal of block {}: {}", key.id(), header.height(), failure.getMessage());
      }
    });
  }
}
