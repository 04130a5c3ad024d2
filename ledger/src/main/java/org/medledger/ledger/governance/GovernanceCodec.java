package org.medledger.ledger.governance;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.codec.pb.ApproveProposal;
import org.medledger.ledger.codec.pb.ProposalRecord;
import org.medledger.ledger.codec.pb.ValidatorEpoch;
import org.medledger.ledger.codec.pb.ValidatorRecord;
import org.medledger.ledger.identity.CertificateCodec;

/**
 * Governance's encodings: validator sets and their history, proposals and their index in the
 * state, and the payloads of {@code governance.propose} and {@code governance.approve}. Decoders
 * accept only canonical encodings of valid values.
 */
public final class GovernanceCodec {
  private GovernanceCodec() {}

  // ---- validator sets

  public static byte[] encode(ValidatorSet set) {
    return toProto(set).toByteArray();
  }

  public static ValidatorEpoch toProto(ValidatorSet set) {
    ValidatorEpoch.Builder epoch = ValidatorEpoch.newBuilder().setFromHeight(set.fromHeight());
    set.validators().forEach(v -> epoch.addValidators(toProto(v)));
    return epoch.build();
  }

  public static ValidatorSet fromProto(ValidatorEpoch epoch) {
    List<ValidatorInfo> validators = epoch.getValidatorsList().stream().map(GovernanceCodec::fromProto).toList();
    for (int i = 1; i < validators.size(); i++) {
      if (validators.get(i - 1).id().compareTo(validators.get(i).id()) >= 0) {
        throw new MalformedEncodingException("validators must be sorted by id, each once");
      }
    }
    try {
      return new ValidatorSet(epoch.getFromHeight(), validators);
    } catch (IllegalArgumentException e) {
      throw new MalformedEncodingException("malformed validator set: " + e.getMessage());
    }
  }

  public static byte[] encode(ValidatorHistory history) {
    org.medledger.ledger.codec.pb.ValidatorHistory.Builder builder =
        org.medledger.ledger.codec.pb.ValidatorHistory.newBuilder();
    history.epochs().forEach(set -> builder.addEpochs(toProto(set)));
    return builder.build().toByteArray();
  }

  public static ValidatorHistory decodeHistory(byte[] bytes) {
    try {
      var proto = org.medledger.ledger.codec.pb.ValidatorHistory.parseFrom(bytes);
      ValidatorHistory history =
          new ValidatorHistory(proto.getEpochsList().stream().map(GovernanceCodec::fromProto).toList());
      requireCanonical(encode(history), bytes);
      return history;
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new MalformedEncodingException("damaged validator history: " + e.getMessage());
    }
  }

  private static ValidatorRecord toProto(ValidatorInfo validator) {
    return ValidatorRecord.newBuilder()
        .setId(validator.id())
        .setOrganisation(validator.organisation())
        .setCertificate(ByteString.copyFrom(der(validator.certificate())))
        .setTlsCertificate(ByteString.copyFrom(der(validator.tlsCertificate())))
        .setAddress(validator.address())
        .build();
  }

  private static ValidatorInfo fromProto(ValidatorRecord record) {
    try {
      return new ValidatorInfo(record.getId(), record.getOrganisation(),
          CertificateCodec.parse(record.getCertificate().toByteArray()),
          CertificateCodec.parse(record.getTlsCertificate().toByteArray()), record.getAddress());
    } catch (IllegalArgumentException e) {
      throw new MalformedEncodingException("malformed validator: " + e.getMessage());
    }
  }

  // ---- proposals

  public static byte[] proposePayload(GovernanceAction action) {
    return toProto(action).toByteArray();
  }

  public static GovernanceAction parseProposal(byte[] payload) {
    try {
      GovernanceAction action = fromProto(org.medledger.ledger.codec.pb.GovernanceAction.parseFrom(payload));
      requireCanonical(proposePayload(action), payload);
      return action;
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedEncodingException("malformed proposal: " + e.getMessage());
    }
  }

  public static byte[] approvePayload(Digest proposal) {
    return ApproveProposal.newBuilder().setProposal(ByteString.copyFrom(proposal.toByteArray())).build().toByteArray();
  }

  public static Digest parseApproval(byte[] payload) {
    try {
      ApproveProposal approval = ApproveProposal.parseFrom(payload);
      if (approval.getProposal().size() != Digest.LENGTH) {
        throw new MalformedEncodingException("an approval names a proposal by its 32-byte transaction id");
      }
      Digest proposal = Digest.of(approval.getProposal().toByteArray());
      requireCanonical(approvePayload(proposal), payload);
      return proposal;
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedEncodingException("malformed approval: " + e.getMessage());
    }
  }

  public static byte[] encode(Proposal proposal) {
    ProposalRecord.Builder builder = ProposalRecord.newBuilder()
        .setAction(toProto(proposal.action()))
        .setProposer(proposal.proposer())
        .setProposedHeight(proposal.proposedHeight())
        .setExpiresAtMillis(proposal.expiresAt().toEpochMilli())
        .addAllApprovals(proposal.approvals());
    proposal.executedHeight().ifPresent(builder::setExecutedHeight);
    return builder.build().toByteArray();
  }

  public static Proposal decodeProposal(byte[] bytes) {
    try {
      ProposalRecord record = ProposalRecord.parseFrom(bytes);
      return new Proposal(fromProto(record.getAction()), record.getProposer(), record.getProposedHeight(),
          Instant.ofEpochMilli(record.getExpiresAtMillis()), record.getApprovalsList(),
          record.getExecutedHeight() == 0 ? OptionalLong.empty() : OptionalLong.of(record.getExecutedHeight()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new MalformedEncodingException("damaged proposal record");
    }
  }

  // ---- the index of proposals

  /** The number of proposals made: 8 bytes, big-endian. */
  public static byte[] encodeProposalCount(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a count is not negative: " + count);
    }
    return ByteBuffer.allocate(Long.BYTES).putLong(count).array();
  }

  public static long decodeProposalCount(byte[] bytes) {
    if (bytes.length != Long.BYTES) {
      throw new MalformedEncodingException("a proposal count is " + Long.BYTES + " bytes, not " + bytes.length);
    }
    long count = ByteBuffer.wrap(bytes).getLong();
    if (count < 0) {
      throw new MalformedEncodingException("damaged proposal count");
    }
    return count;
  }

  /** An entry of the index: the proposal's id, its 32 bytes. */
  public static byte[] encodeProposalId(Digest id) {
    return id.toByteArray();
  }

  public static Digest decodeProposalId(byte[] bytes) {
    if (bytes.length != Digest.LENGTH) {
      throw new MalformedEncodingException("a proposal id is " + Digest.LENGTH + " bytes, not " + bytes.length);
    }
    return Digest.of(bytes);
  }

  private static org.medledger.ledger.codec.pb.GovernanceAction toProto(GovernanceAction action) {
    var builder = org.medledger.ledger.codec.pb.GovernanceAction.newBuilder();
    if (action instanceof GovernanceAction.AddValidator add) {
      builder.setAddValidator(toProto(add.validator()));
    } else if (action instanceof GovernanceAction.RemoveValidator remove) {
      builder.setRemoveValidator(remove.id());
    } else if (action instanceof GovernanceAction.SetParameter set) {
      builder.setSetParameter(org.medledger.ledger.codec.pb.ParameterChange.newBuilder()
          .setName(set.name()).setValue(ByteString.copyFrom(set.value())));
    }
    return builder.build();
  }

  private static GovernanceAction fromProto(org.medledger.ledger.codec.pb.GovernanceAction action) {
    switch (action.getKindCase()) {
      case ADD_VALIDATOR:
        ValidatorInfo validator = fromProto(action.getAddValidator());
        if (validator.address().isEmpty()) {
          throw new MalformedEncodingException("a new validator needs the HOST:PORT its peers reach it on");
        }
        return new GovernanceAction.AddValidator(validator);
      case REMOVE_VALIDATOR:
        try {
          org.medledger.ledger.Text.requireWellFormed(action.getRemoveValidator(), "the validator id");
        } catch (IllegalArgumentException e) {
          throw new MalformedEncodingException(e.getMessage());
        }
        if (action.getRemoveValidator().isEmpty()) {
          throw new MalformedEncodingException("name the validator to remove");
        }
        return new GovernanceAction.RemoveValidator(action.getRemoveValidator());
      case SET_PARAMETER:
        String name = action.getSetParameter().getName();
        if (!GovernedParameter.isWellFormedName(name)) {
          throw new MalformedEncodingException("'" + name + "' is not a parameter name (lower-case letters, digits, "
              + "'-' and '.', at most " + GovernanceKeys.MAX_PARAMETER_NAME + " characters)");
        }
        return new GovernanceAction.SetParameter(name, action.getSetParameter().getValue().toByteArray());
      default:
        throw new MalformedEncodingException("a proposal names one action");
    }
  }

  /**
   * Insists that the bytes are exactly the encoding of the value decoded from them. Comparing with
   * the re-encoded value, not the re-serialized message: protobuf keeps unknown fields and would
   * write them back, so a payload with a field appended would pass as canonical.
   */
  private static void requireCanonical(byte[] encodedValue, byte[] bytes) {
    if (!Arrays.equals(encodedValue, bytes)) {
      throw new MalformedEncodingException("not in canonical form");
    }
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("certificate cannot be encoded", e);
    }
  }
}
