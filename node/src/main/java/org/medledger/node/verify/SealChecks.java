package org.medledger.node.verify;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.medledger.crypto.CryptoException;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.governance.ValidatorSet;

/**
 * The checks of a block's stored seals: each must be by a validator of the set in force at the
 * block's height — {@code history.at(height)} of the state replayed up to the block before — and
 * verify over its header.
 *
 * <p>Like {@link SignaturesAhead}, the verifications are started on the pool up to a few blocks
 * ahead of re-execution, against the set the replay has reached when they start: the blocks in
 * between may still change it. When the block's turn comes, the results are used only if the
 * set then in force is the very set object they were made with (the verifier re-reads the
 * history only when a block writes it, so an unchanged history hands out the same objects);
 * otherwise — right after a change of the validator set — the seals are verified again, on the
 * re-executing thread, against the set in force.
 */
final class SealChecks {
  private final BlockHeader header;
  private final List<BlockSeal> seals;
  /** The set the checks were started with. */
  private final ValidatorSet expected;
  /** Per seal: whether it verifies with the key of its validator in {@code expected} (false if not in it). */
  private final boolean[] results;
  private final Future<?> done;

  private SealChecks(BlockHeader header, List<BlockSeal> seals, ValidatorSet expected, ForkJoinPool pool) {
    this.header = header;
    this.seals = seals;
    this.expected = expected;
    this.results = new boolean[seals.size()];
    this.done = seals.isEmpty() ? null
        : pool.submit(() -> IntStream.range(0, seals.size()).parallel().forEach(i -> results[i] = verifies(i, expected)));
  }

  /**
   * Starts verifying a block's seals on the pool, against the set expected in force at its height;
   * to be called on the re-executing thread.
   */
  static SealChecks start(BlockHeader header, List<BlockSeal> seals, ValidatorSet expected, ForkJoinPool pool) {
    return new SealChecks(header, seals, expected, pool);
  }

  /** The number of seals checked. */
  int count() {
    return seals.size();
  }

  /**
   * The first seal (in stored order) that is not by a validator of the set in force or does not
   * verify, as a finding at the block's height; null if every one is good.
   *
   * @param history the validator history of the state replayed up to the block before this one
   */
  Finding check(ValidatorHistory history) {
    long height = header.height();
    ValidatorSet inForce = history.at(height);
    boolean reuse = inForce == expected;
    if (reuse) {
      await();
    }
    for (int i = 0; i < seals.size(); i++) {
      String validator = seals.get(i).validator();
      if (!inForce.contains(validator)) {
        return new Finding(height, "a seal over block " + height + " is by " + Texts.quote(validator)
            + ", who is not a validator at block " + height + left(history, validator, height));
      }
      if (!(reuse ? results[i] : verifies(i, inForce))) {
        return new Finding(height, "the seal of " + Texts.quote(validator) + " over block " + height
            + " does not verify against its header");
      }
    }
    return null;
  }

  /** " (it left the set at block N)" if the validator was in an earlier set, else "". */
  private static String left(ValidatorHistory history, String validator, long height) {
    List<ValidatorSet> epochs = history.epochs();
    for (int i = epochs.size() - 1; i > 0; i--) {
      if (epochs.get(i).fromHeight() <= height && !epochs.get(i).contains(validator)
          && epochs.get(i - 1).contains(validator)) {
        return " (it left the validator set at block " + epochs.get(i).fromHeight() + ")";
      }
    }
    return "";
  }

  private boolean verifies(int i, ValidatorSet set) {
    BlockSeal seal = seals.get(i);
    try {
      Optional<Verifier> verifier = set.verifier(seal.validator());
      return verifier.isPresent() && seal.verify(verifier.get(), header);
    } catch (CryptoException e) {
      return false; // an unusable key: the seal does not verify
    }
  }

  private void await() {
    if (done != null) {
      Tasks.join(done);
    }
  }
}
