package org.medledger.ledger.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.pb.Attribute;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.merkle.InclusionProof;
import org.medledger.ledger.merkle.MerkleHash;
import org.medledger.ledger.receipt.Receipt;
import org.medledger.ledger.receipt.ValidatorTransition;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.SignerId;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.OrganisationId;

/**
 * The canonical binary encoding of ledger values (schema: {@code medledger_ledger.proto}). Decoding
 * accepts only bytes that re-encode identically — no unknown fields, no reordering, no alternative
 * forms — and throws nothing but {@link MalformedEncodingException}.
 */
public final class LedgerCodec {
  private LedgerCodec() {}

  // ---- transactions

  public static byte[] encode(TransactionBody body) {
    return toProto(body).toByteArray();
  }

  public static byte[] encodeTransaction(TransactionBody body, byte[] signature) {
    return org.medledger.ledger.codec.pb.SignedTransaction.newBuilder()
        .setBody(toProto(body))
        .setSignature(ByteString.copyFrom(signature))
        .build()
        .toByteArray();
  }

  public static SignedTransaction decodeTransaction(byte[] bytes) {
    return canonical(bytes, () -> fromProto(org.medledger.ledger.codec.pb.SignedTransaction.parseFrom(bytes)),
        SignedTransaction::encoded);
  }

  // ---- results

  public static byte[] encode(TransactionResult result) {
    return toProto(result).toByteArray();
  }

  public static TransactionResult decodeResult(byte[] bytes) {
    return canonical(bytes, () -> fromProto(org.medledger.ledger.codec.pb.TransactionResult.parseFrom(bytes)),
        LedgerCodec::encode);
  }

  // ---- headers and blocks

  public static byte[] encode(BlockHeader header) {
    return toProto(header).toByteArray();
  }

  public static BlockHeader decodeHeader(byte[] bytes) {
    return canonical(bytes, () -> fromProto(org.medledger.ledger.codec.pb.BlockHeader.parseFrom(bytes)),
        LedgerCodec::encode);
  }

  public static byte[] encode(Block block) {
    org.medledger.ledger.codec.pb.Block.Builder builder =
        org.medledger.ledger.codec.pb.Block.newBuilder().setHeader(toProto(block.header()));
    for (SignedTransaction tx : block.transactions()) {
      builder.addTransactions(toProto(tx));
    }
    for (TransactionResult result : block.results()) {
      builder.addResults(toProto(result));
    }
    return builder.build().toByteArray();
  }

  public static Block decodeBlock(byte[] bytes) {
    return canonical(bytes, () -> {
      org.medledger.ledger.codec.pb.Block pb = org.medledger.ledger.codec.pb.Block.parseFrom(bytes);
      List<SignedTransaction> transactions = new ArrayList<>();
      for (org.medledger.ledger.codec.pb.SignedTransaction tx : pb.getTransactionsList()) {
        transactions.add(fromProto(tx));
      }
      List<TransactionResult> results = new ArrayList<>();
      for (org.medledger.ledger.codec.pb.TransactionResult r : pb.getResultsList()) {
        results.add(fromProto(r));
      }
      return new Block(fromProto(pb.getHeader()), transactions, results);
    }, LedgerCodec::encode);
  }

  // ---- seals and receipts

  public static byte[] encode(BlockSeal seal) {
    return toProto(seal).toByteArray();
  }

  public static BlockSeal decodeSeal(byte[] bytes) {
    return canonical(bytes, () -> fromProto(org.medledger.ledger.codec.pb.BlockSeal.parseFrom(bytes)), LedgerCodec::encode);
  }

  public static byte[] encode(Receipt receipt) {
    org.medledger.ledger.codec.pb.Receipt.Builder builder = org.medledger.ledger.codec.pb.Receipt.newBuilder()
        .setFormat(RECEIPT_FORMAT)
        .setTransaction(toProto(receipt.transaction()))
        .setResult(toProto(receipt.result()))
        .setIndex(receipt.transactionProof().leafIndex())
        .setHeader(toProto(receipt.header()));
    receipt.transactionProof().path().forEach(h -> builder.addTransactionPath(ByteString.copyFrom(h.toByteArray())));
    receipt.resultProof().path().forEach(h -> builder.addResultPath(ByteString.copyFrom(h.toByteArray())));
    receipt.seals().forEach(seal -> builder.addSeals(toProto(seal)));
    receipt.transitions().forEach(t -> builder.addTransitions(toProto(t)));
    return builder.build().toByteArray();
  }

  /** Decodes a receipt; its proofs' tree size is the header's transaction count. */
  public static Receipt decodeReceipt(byte[] bytes) {
    return canonical(bytes, () -> {
      org.medledger.ledger.codec.pb.Receipt pb = org.medledger.ledger.codec.pb.Receipt.parseFrom(bytes);
      requireFormat(pb.getFormat(), RECEIPT_FORMAT, "receipt");
      BlockHeader header = fromProto(pb.getHeader());
      List<ValidatorTransition> transitions = new ArrayList<>();
      for (org.medledger.ledger.codec.pb.ValidatorTransition transition : pb.getTransitionsList()) {
        transitions.add(fromProto(transition));
      }
      return new Receipt(fromProto(pb.getTransaction()), fromProto(pb.getResult()),
          new InclusionProof(pb.getIndex(), header.transactionCount(), hashes(pb.getTransactionPathList())),
          new InclusionProof(pb.getIndex(), header.transactionCount(), hashes(pb.getResultPathList())),
          header, seals(pb.getSealsList()), transitions);
    }, LedgerCodec::encode);
  }

  private static org.medledger.ledger.codec.pb.ValidatorTransition toProto(ValidatorTransition transition) {
    org.medledger.ledger.codec.pb.ValidatorTransition.Builder builder =
        org.medledger.ledger.codec.pb.ValidatorTransition.newBuilder()
            .setHeader(toProto(transition.header()))
            .setResult(toProto(transition.result()))
            .setIndex(transition.resultProof().leafIndex())
            .setValidators(GovernanceCodec.toProto(transition.validators()));
    transition.seals().forEach(seal -> builder.addSeals(toProto(seal)));
    transition.resultProof().path().forEach(h -> builder.addResultPath(ByteString.copyFrom(h.toByteArray())));
    return builder.build();
  }

  /** A transition's result proof has the tree size its header names. */
  private static ValidatorTransition fromProto(org.medledger.ledger.codec.pb.ValidatorTransition pb) {
    BlockHeader header = fromProto(pb.getHeader());
    return new ValidatorTransition(header, seals(pb.getSealsList()), fromProto(pb.getResult()),
        new InclusionProof(pb.getIndex(), header.transactionCount(), hashes(pb.getResultPathList())),
        GovernanceCodec.fromProto(pb.getValidators()));
  }

  private static List<BlockSeal> seals(List<org.medledger.ledger.codec.pb.BlockSeal> pbs) {
    List<BlockSeal> seals = new ArrayList<>();
    for (org.medledger.ledger.codec.pb.BlockSeal seal : pbs) {
      seals.add(fromProto(seal));
    }
    return seals;
  }

  private static final int RECEIPT_FORMAT = 1;

  private static List<MerkleHash> hashes(List<ByteString> path) {
    return path.stream().map(b -> MerkleHash.of(b.toByteArray())).toList();
  }

  static org.medledger.ledger.codec.pb.BlockSeal toProto(BlockSeal seal) {
    return org.medledger.ledger.codec.pb.BlockSeal.newBuilder()
        .setValidator(seal.validator())
        .setSignature(ByteString.copyFrom(seal.signature()))
        .build();
  }

  static BlockSeal fromProto(org.medledger.ledger.codec.pb.BlockSeal pb) {
    return new BlockSeal(pb.getValidator(), pb.getSignature().toByteArray());
  }

  // ---- mapping

  private static org.medledger.ledger.codec.pb.TransactionBody toProto(TransactionBody body) {
    return org.medledger.ledger.codec.pb.TransactionBody.newBuilder()
        .setFormat(TransactionBody.FORMAT)
        .setChainId(body.chainId())
        .setType(body.type().id())
        .setPayload(ByteString.copyFrom(body.payload()))
        .setSignerOrganisation(body.signer().organisation().value())
        .setSignerName(body.signer().name())
        .setCertificateFingerprint(ByteString.copyFrom(body.certificateFingerprint().toByteArray()))
        .setNonce(ByteString.copyFrom(body.nonce()))
        .build();
  }

  private static org.medledger.ledger.codec.pb.SignedTransaction toProto(SignedTransaction tx) {
    return org.medledger.ledger.codec.pb.SignedTransaction.newBuilder()
        .setBody(toProto(tx.body()))
        .setSignature(ByteString.copyFrom(tx.signature()))
        .build();
  }

  private static SignedTransaction fromProto(org.medledger.ledger.codec.pb.SignedTransaction pb) {
    org.medledger.ledger.codec.pb.TransactionBody body = pb.getBody();
    requireFormat(body.getFormat(), TransactionBody.FORMAT, "transaction");
    return new SignedTransaction(
        new TransactionBody(
            body.getChainId(),
            TransactionType.of(body.getType()),
            body.getPayload().toByteArray(),
            new SignerId(OrganisationId.of(body.getSignerOrganisation()), body.getSignerName()),
            Digest.of(body.getCertificateFingerprint().toByteArray()),
            body.getNonce().toByteArray()),
        pb.getSignature().toByteArray());
  }

  private static org.medledger.ledger.codec.pb.TransactionResult toProto(TransactionResult result) {
    org.medledger.ledger.codec.pb.TransactionResult.Builder builder =
        org.medledger.ledger.codec.pb.TransactionResult.newBuilder()
            .setTransactionId(ByteString.copyFrom(result.transactionId().toByteArray()))
            .setSuccess(result.success())
            .setCode(result.code())
            .setMessage(result.message());
    for (Event event : result.events()) {
      org.medledger.ledger.codec.pb.Event.Builder e = org.medledger.ledger.codec.pb.Event.newBuilder().setName(event.name());
      event.attributes().forEach((k, v) -> e.addAttributes(Attribute.newBuilder().setKey(k).setValue(v)));
      builder.addEvents(e);
    }
    return builder.build();
  }

  private static TransactionResult fromProto(org.medledger.ledger.codec.pb.TransactionResult pb) {
    List<Event> events = new ArrayList<>();
    for (org.medledger.ledger.codec.pb.Event e : pb.getEventsList()) {
      Map<String, String> attributes = new TreeMap<>();
      for (Attribute a : e.getAttributesList()) {
        if (attributes.put(a.getKey(), a.getValue()) != null) {
          throw new MalformedEncodingException("duplicate event attribute");
        }
      }
      events.add(Event.of(e.getName(), attributes));
    }
    return new TransactionResult(
        Digest.of(pb.getTransactionId().toByteArray()), pb.getSuccess(), pb.getCode(), pb.getMessage(), events);
  }

  private static org.medledger.ledger.codec.pb.BlockHeader toProto(BlockHeader header) {
    return org.medledger.ledger.codec.pb.BlockHeader.newBuilder()
        .setFormat(BlockHeader.FORMAT)
        .setChainId(header.chainId())
        .setHeight(header.height())
        .setPreviousHash(ByteString.copyFrom(header.previousHash().toByteArray()))
        .setTransactionsRoot(ByteString.copyFrom(header.transactionsRoot().toByteArray()))
        .setTransactionCount(header.transactionCount())
        .setResultsRoot(ByteString.copyFrom(header.resultsRoot().toByteArray()))
        .setStateRoot(ByteString.copyFrom(header.stateRoot().toByteArray()))
        .setTimestampMillis(header.timestamp().toEpochMilli())
        .setProposer(header.proposer())
        .build();
  }

  private static BlockHeader fromProto(org.medledger.ledger.codec.pb.BlockHeader pb) {
    requireFormat(pb.getFormat(), BlockHeader.FORMAT, "block header");
    return new BlockHeader(
        pb.getChainId(),
        pb.getHeight(),
        Digest.of(pb.getPreviousHash().toByteArray()),
        Digest.of(pb.getTransactionsRoot().toByteArray()),
        pb.getTransactionCount(),
        Digest.of(pb.getResultsRoot().toByteArray()),
        Digest.of(pb.getStateRoot().toByteArray()),
        Instant.ofEpochMilli(pb.getTimestampMillis()),
        pb.getProposer());
  }

  private static void requireFormat(int actual, int expected, String what) {
    if (actual != expected) {
      throw new MalformedEncodingException("unsupported " + what + " format " + actual);
    }
  }

  /** A decoding step that may fail in any of the ways parsing and value checks fail. */
  private interface Decoding<T> {
    T decode() throws InvalidProtocolBufferException;
  }

  /** Decodes, then insists that the value re-encodes to exactly the input. */
  private static <T> T canonical(byte[] bytes, Decoding<T> decoding, java.util.function.Function<T, byte[]> encoder) {
    if (bytes == null) {
      throw new MalformedEncodingException("no bytes");
    }
    T value;
    try {
      value = decoding.decode();
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedEncodingException("not a valid encoding: " + e.getMessage());
    } catch (MalformedEncodingException e) {
      throw e;
    } catch (RuntimeException e) { // value checks: bad lengths, names, counts, overflowing numbers
      throw new MalformedEncodingException("invalid value: " + e.getMessage());
    }
    if (!Arrays.equals(encoder.apply(value), bytes)) {
      throw new MalformedEncodingException("not the canonical encoding");
    }
    return value;
  }

}
