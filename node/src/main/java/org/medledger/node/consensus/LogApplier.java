package org.medledger.node.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.crypto.Verifier;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.codec.LedgerCodec;
import org.medledger.ledger.codec.LogEntryCodec;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.consensus.LogEntry;
import org.medledger.ledger.execution.BlockExecutor;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.node.producer.ChainRules;
import org.medledger.node.storage.ReplicatedChainStore;

/**
 * Applies the replicated log to the chain, the same way on every validator: a batch becomes the
 * next block (its time is the proposed time, or the previous block's if that is later), a seal is
 * checked against the validator set in force at its block's height and the stored header, then kept. Nothing here reads a
 * clock, draws randomness or depends on the node that runs it. An entry at or below the stored
 * applied index is skipped, so replaying the log after a crash applies nothing twice.
 */
public final class LogApplier {
  private final ReplicatedChainStore chain;
  private final BlockExecutor executor;
  private final Validators validators;
  private final AppliedListener listener;

  public LogApplier(ReplicatedChainStore chain, ChainRules rules, Validators validators, AppliedListener listener) {
    this.chain = chain;
    this.executor = new BlockExecutor(rules.chainId(), rules.contracts(), rules.identities(),
        rules.maxTransactionBytes());
    this.validators = validators;
    this.listener = listener;
  }

  /** The index of the last entry applied to the stored chain. */
  public long appliedIndex() {
    return chain.appliedIndex();
  }

  /** The chain store was replaced by an installed snapshot: tells the listener. */
  public void chainReplaced() {
    listener.chainReplaced();
  }

  /** Applies one log entry; an entry that does not decode changes nothing but the applied index. */
  public void apply(long index, byte[] entry) {
    if (index <= chain.appliedIndex()) {
      return;
    }
    LogEntry decoded;
    try {
      decoded = LogEntryCodec.decode(entry);
    } catch (MalformedEncodingException e) {
      chain.markApplied(index);
      return;
    }
    if (decoded instanceof LogEntry.TransactionBatch batch) {
      applyBatch(index, batch);
    } else if (decoded instanceof LogEntry.SealVote vote) {
      applySeal(index, vote);
    }
  }

  private void applyBatch(long index, LogEntry.TransactionBatch batch) {
    List<SignedTransaction> transactions = new ArrayList<>(batch.transactions().size());
    for (byte[] encoded : batch.transactions()) {
      try {
        transactions.add(LedgerCodec.decodeTransaction(encoded));
      } catch (MalformedEncodingException e) {
        // left out: a block holds only well-formed transactions
      }
    }
    ExecutedBlock executed = executor.execute(chain, transactions, batch.timestamp(), batch.proposer());
    if (executed.block().transactions().isEmpty()) {
      chain.markApplied(index);
      listener.batchApplied(transactions, Optional.empty());
      return;
    }
    chain.append(executed.block(), executed.changes(), index);
    listener.batchApplied(transactions, Optional.of(executed.block()));
  }

  private void applySeal(long index, LogEntry.SealVote vote) {
    BlockSeal seal = vote.seal();
    Optional<String> refusal = check(vote);
    if (refusal.isPresent()) {
      chain.markApplied(index);
      listener.sealRejected(vote.height(), seal.validator(), refusal.get());
      return;
    }
    if (chain.seals(vote.height()).contains(seal)) {
      chain.markApplied(index);
      return;
    }
    chain.addSeal(vote.height(), seal, index);
    listener.sealAdded(vote.height(), seal, chain.seals(vote.height()));
  }

  private Optional<String> check(LogEntry.SealVote vote) {
    if (vote.height() < 0 || vote.height() > chain.height()) {
      return Optional.of("block " + vote.height() + " does not exist");
    }
    Optional<Verifier> verifier = validators.at(vote.height()).verifier(vote.seal().validator());
    if (verifier.isEmpty()) {
      return Optional.of("'" + vote.seal().validator() + "' is not a validator at block " + vote.height());
    }
    BlockHeader header = chain.header(vote.height()).orElseThrow();
    if (!header.hash().equals(vote.headerHash())) {
      return Optional.of("sealed header " + vote.headerHash().hex() + ", not block " + vote.height() + " ("
          + header.hash().hex() + ")");
    }
    if (!vote.seal().verify(verifier.get(), header)) {
      return Optional.of("the seal's signature does not verify");
    }
    return Optional.empty();
  }
}
