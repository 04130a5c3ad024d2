package org.medledger.ledger.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.Arrays;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.pb.SealVote;
import org.medledger.ledger.codec.pb.TransactionBatch;
import org.medledger.ledger.consensus.LogEntry;

/** The canonical encoding of replicated log entries; decoding rejects anything else. */
public final class LogEntryCodec {
  private LogEntryCodec() {}

  public static byte[] encode(LogEntry entry) {
    org.medledger.ledger.codec.pb.LogEntry.Builder builder = org.medledger.ledger.codec.pb.LogEntry.newBuilder();
    if (entry instanceof LogEntry.TransactionBatch batch) {
      builder.setBatch(TransactionBatch.newBuilder()
          .setProposer(batch.proposer())
          .setTimestampMillis(batch.timestamp().toEpochMilli())
          .addAllTransactions(batch.transactions().stream().map(ByteString::copyFrom).toList()));
    } else if (entry instanceof LogEntry.SealVote vote) {
      builder.setSeal(SealVote.newBuilder()
          .setHeight(vote.height())
          .setHeaderHash(ByteString.copyFrom(vote.headerHash().toByteArray()))
          .setSeal(LedgerCodec.toProto(vote.seal())));
    }
    return builder.build().toByteArray();
  }

  /** @throws MalformedEncodingException for anything but a canonical log entry */
  public static LogEntry decode(byte[] bytes) {
    LogEntry entry;
    try {
      org.medledger.ledger.codec.pb.LogEntry pb = org.medledger.ledger.codec.pb.LogEntry.parseFrom(bytes);
      entry = switch (pb.getKindCase()) {
        case BATCH -> new LogEntry.TransactionBatch(pb.getBatch().getProposer(),
            Instant.ofEpochMilli(pb.getBatch().getTimestampMillis()),
            pb.getBatch().getTransactionsList().stream().map(ByteString::toByteArray).toList());
        case SEAL -> new LogEntry.SealVote(pb.getSeal().getHeight(),
            Digest.of(pb.getSeal().getHeaderHash().toByteArray()), LedgerCodec.fromProto(pb.getSeal().getSeal()));
        case KIND_NOT_SET -> throw new MalformedEncodingException("a log entry holds neither a batch nor a seal");
      };
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw e instanceof MalformedEncodingException m ? m
          : new MalformedEncodingException("malformed log entry: " + e.getMessage());
    }
    if (!Arrays.equals(encode(entry), bytes)) {
      throw new MalformedEncodingException("log entry not in canonical form");
    }
    return entry;
  }
}
