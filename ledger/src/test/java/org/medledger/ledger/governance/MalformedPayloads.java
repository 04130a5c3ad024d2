package org.medledger.ledger.governance;

import org.medledger.ledger.codec.Wire;
import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.pb.ValidatorRecord;

/**
 * Payloads of governance transactions that must be refused, each next to a valid one it is
 * derived from: non-canonical encodings of valid values, and encodings of invalid ones.
 */
final class MalformedPayloads {
  private MalformedPayloads() {}

  /** Field 15, varint 1: a field no governance message defines. */
  static final byte[] UNKNOWN_FIELD = Wire.unknownVarintField15();

  /** Malformed {@code governance.propose} payloads, by what is wrong, for a validator that would be valid. */
  static Map<String, byte[]> proposals(ValidatorInfo validator) {
    byte[] add = GovernanceCodec.proposePayload(new GovernanceAction.AddValidator(validator));
    byte[] remove = GovernanceCodec.proposePayload(new GovernanceAction.RemoveValidator("validator-3"));
    byte[] removeOther = GovernanceCodec.proposePayload(new GovernanceAction.RemoveValidator("validator-2"));
    ValidatorRecord record = validatorRecord(validator);

    Map<String, byte[]> payloads = new LinkedHashMap<>();
    payloads.put("no action at all", new byte[0]);
    payloads.put("an unknown field after a removal", Wire.concat(remove, UNKNOWN_FIELD));
    payloads.put("an unknown field before a removal", Wire.concat(UNKNOWN_FIELD, remove));
    payloads.put("an unknown field after an addition", Wire.concat(add, UNKNOWN_FIELD));
    payloads.put("an unknown field inside the new validator",
        Wire.message(out -> out.writeByteArray(1, Wire.concat(record.toByteArray(), UNKNOWN_FIELD))));
    payloads.put("the validator fields out of order", Wire.message(out -> out.writeByteArray(1, Wire.message(r -> {
      r.writeString(5, record.getAddress());
      r.writeString(1, record.getId());
      r.writeString(2, record.getOrganisation());
      r.writeBytes(3, record.getCertificate());
      r.writeBytes(4, record.getTlsCertificate());
    }))));
    payloads.put("a removal named twice", Wire.concat(removeOther, remove));
    payloads.put("an addition and a removal", Wire.concat(add, remove));
    payloads.put("an addition without address", action(record.toBuilder().clearAddress().build()));
    payloads.put("an addition at an address without port",
        action(record.toBuilder().setAddress("node.example").build()));
    payloads.put("an addition at port 0", action(record.toBuilder().setAddress("node.example:0").build()));
    payloads.put("an addition whose certificate is not DER", action(record.toBuilder()
        .setCertificate(ByteString.copyFrom(Arrays.copyOf(record.getCertificate().toByteArray(), 40))).build()));
    payloads.put("an addition without TLS certificate", action(record.toBuilder().clearTlsCertificate().build()));
    payloads.put("a removal of the empty id",
        org.medledger.ledger.codec.pb.GovernanceAction.newBuilder().setRemoveValidator("").build().toByteArray());
    payloads.put("not protobuf", new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    return payloads;
  }

  /** Malformed {@code governance.approve} payloads naming (or almost naming) this proposal. */
  static Map<String, byte[]> approvals(Digest proposal) {
    byte[] valid = GovernanceCodec.approvePayload(proposal);
    byte[] id = proposal.toByteArray();
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    payloads.put("no proposal id", new byte[0]);
    payloads.put("an empty proposal id", Wire.message(out -> out.writeByteArray(1, new byte[0])));
    payloads.put("a 31-byte proposal id", Wire.message(out -> out.writeByteArray(1, Arrays.copyOf(id, 31))));
    payloads.put("a 33-byte proposal id", Wire.message(out -> out.writeByteArray(1, Arrays.copyOf(id, 33))));
    payloads.put("an unknown field after the id", Wire.concat(valid, UNKNOWN_FIELD));
    payloads.put("an unknown field before the id", Wire.concat(UNKNOWN_FIELD, valid));
    payloads.put("the id given twice", Wire.concat(valid, valid));
    payloads.put("the id as a varint", Wire.message(out -> out.writeUInt64(1, 7)));
    return payloads;
  }

  static ValidatorRecord validatorRecord(ValidatorInfo validator) {
    return ValidatorRecord.newBuilder()
        .setId(validator.id())
        .setOrganisation(validator.organisation())
        .setCertificate(ByteString.copyFrom(GovernanceNetwork.der(validator.certificate())))
        .setTlsCertificate(ByteString.copyFrom(GovernanceNetwork.der(validator.tlsCertificate())))
        .setAddress(validator.address())
        .build();
  }

  static byte[] action(ValidatorRecord addition) {
    return org.medledger.ledger.codec.pb.GovernanceAction.newBuilder().setAddValidator(addition).build().toByteArray();
  }
}
