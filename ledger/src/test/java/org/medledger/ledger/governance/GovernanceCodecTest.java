package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.medledger.ledger.governance.MalformedPayloads.UNKNOWN_FIELD;
import static org.medledger.ledger.codec.Wire.concat;
import static org.medledger.ledger.codec.Wire.message;
import static org.medledger.ledger.governance.SampleValidators.set;
import static org.medledger.ledger.governance.SampleValidators.validator;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.codec.pb.ValidatorEpoch;
import org.medledger.ledger.codec.pb.ValidatorRecord;

/** Governance's encodings round trip, and its decoders refuse every other encoding. */
class GovernanceCodecTest {
  private static final ValidatorHistory HISTORY = new ValidatorHistory(List.of(
      new ValidatorSet(0, List.of(validator(1, false), validator(2, false), validator(3, false))),
      set(4, 1, 2, 3, 4),
      set(11, 1, 3, 4)));

  private static void assertMalformed(String what, Runnable decoding) {
    Throwable thrown = catchThrowable(decoding::run);
    assertThat(thrown).as(what).isInstanceOf(MalformedEncodingException.class);
    assertThat(thrown.getMessage()).as(what).isNotBlank();
  }

  // ---- round trips

  @Test
  void aHistoryRoundTrips() {
    byte[] bytes = GovernanceCodec.encode(HISTORY);
    ValidatorHistory decoded = GovernanceCodec.decodeHistory(bytes);
    assertThat(decoded).isEqualTo(HISTORY);
    assertThat(decoded.epochs().get(0).validators()).extracting(ValidatorInfo::address).containsOnly("");
    assertThat(decoded.current().get("validator-4")).contains(validator(4));
    assertThat(GovernanceCodec.encode(decoded)).isEqualTo(bytes);
  }

  @Test
  void aSetRoundTripsThroughItsProtobufForm() {
    ValidatorSet set = set(7, 2, 4);
    assertThat(GovernanceCodec.fromProto(GovernanceCodec.toProto(set))).isEqualTo(set);
  }

  @Test
  void proposalPayloadsRoundTrip() {
    GovernanceAction add = new GovernanceAction.AddValidator(validator(4));
    GovernanceAction remove = new GovernanceAction.RemoveValidator("validator-2");
    assertThat(GovernanceCodec.parseProposal(GovernanceCodec.proposePayload(add))).isEqualTo(add);
    assertThat(GovernanceCodec.parseProposal(GovernanceCodec.proposePayload(remove))).isEqualTo(remove);
  }

  @Test
  void approvalPayloadsRoundTrip() {
    Digest id = Digest.sha256(new byte[] {4, 2});
    assertThat(GovernanceCodec.parseApproval(GovernanceCodec.approvePayload(id))).isEqualTo(id);
  }

  @Test
  void proposalRecordsRoundTripOpenAndCarriedOut() {
    Proposal open = new Proposal(new GovernanceAction.AddValidator(validator(5)), "st-mary", 3,
        Instant.parse("2026-03-08T10:00:00.123Z"), List.of("st-mary"), OptionalLong.empty());
    Proposal carriedOut = new Proposal(new GovernanceAction.RemoveValidator("validator-1"), "city-clinic", 3,
        Instant.parse("2026-03-08T10:00:00Z"), List.of("city-clinic", "north-lab"), OptionalLong.of(8));
    assertThat(GovernanceCodec.decodeProposal(GovernanceCodec.encode(open))).isEqualTo(open);
    assertThat(GovernanceCodec.decodeProposal(GovernanceCodec.encode(carriedOut))).isEqualTo(carriedOut);
    assertThat(open.approvedAlsoBy("north-lab").approvals()).containsExactly("st-mary", "north-lab");
    assertThat(open.executedAt(9).executedHeight()).hasValue(9);
  }

  // ---- refusals

  @Test
  void malformedProposalPayloadsAreRefused() {
    MalformedPayloads.proposals(validator(4)).forEach((what, payload) ->
        assertMalformed(what, () -> GovernanceCodec.parseProposal(payload)));
  }

  @Test
  void malformedApprovalPayloadsAreRefused() {
    MalformedPayloads.approvals(Digest.sha256(new byte[] {4, 2})).forEach((what, payload) ->
        assertMalformed(what, () -> GovernanceCodec.parseApproval(payload)));
  }

  private static ValidatorEpoch epoch(long from, ValidatorInfo... validators) {
    ValidatorEpoch.Builder epoch = ValidatorEpoch.newBuilder().setFromHeight(from);
    for (ValidatorInfo v : validators) {
      epoch.addValidators(MalformedPayloads.validatorRecord(v));
    }
    return epoch.build();
  }

  private static byte[] history(ValidatorEpoch... epochs) {
    return org.medledger.ledger.codec.pb.ValidatorHistory.newBuilder().addAllEpochs(List.of(epochs)).build()
        .toByteArray();
  }

  @Test
  void malformedHistoriesAreRefused() {
    byte[] valid = GovernanceCodec.encode(HISTORY);
    ValidatorRecord first = MalformedPayloads.validatorRecord(validator(1));
    Map<String, byte[]> histories = new LinkedHashMap<>();
    histories.put("no epochs", new byte[0]);
    histories.put("an unknown field after the history", concat(valid, UNKNOWN_FIELD));
    histories.put("an unknown field before the history", concat(UNKNOWN_FIELD, valid));
    histories.put("an unknown field inside an epoch", message(out -> out.writeByteArray(1,
        concat(epoch(0, validator(1)).toByteArray(), UNKNOWN_FIELD))));
    histories.put("an explicit from-height of 0", message(out -> out.writeByteArray(1, message(e -> {
      e.writeUInt64(1, 0);
      e.writeMessage(2, first);
    }))));
    histories.put("validators out of order", history(epoch(0, validator(2), validator(1))));
    histories.put("a validator twice", history(epoch(0, validator(1), validator(1))));
    histories.put("an epoch without validators", history(epoch(0, validator(1)), epoch(3)));
    histories.put("no genesis epoch", history(epoch(2, validator(1))));
    histories.put("epochs out of order", history(epoch(0, validator(1)), epoch(7, validator(2)), epoch(5,
        validator(3))));
    histories.put("two epochs from one height", history(epoch(0, validator(1)), epoch(5, validator(2)), epoch(5,
        validator(3))));
    histories.put("a damaged certificate", history(ValidatorEpoch.newBuilder()
        .addValidators(first.toBuilder().setCertificate(ByteString.copyFrom(new byte[] {0x30, 0x03, 1, 2, 3})))
        .build()));
    histories.put("a malformed address", history(ValidatorEpoch.newBuilder()
        .addValidators(first.toBuilder().setAddress("no port")).build()));
    histories.put("not protobuf", new byte[] {(byte) 0xff, (byte) 0xff});
    histories.forEach((what, bytes) -> assertMalformed(what, () -> GovernanceCodec.decodeHistory(bytes)));
  }

  @Test
  void aDamagedProposalRecordIsRefused() {
    assertMalformed("not protobuf", () -> GovernanceCodec.decodeProposal(new byte[] {(byte) 0xff}));
    assertMalformed("no action", () -> GovernanceCodec.decodeProposal(new byte[0]));
  }
}
