package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.medledger.ledger.governance.MalformedPayloads.UNKNOWN_FIELD;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.codec.Wire;

/** {@code parameter.set} proposals round trip; their decoder refuses every other encoding. */
class ParameterCodecTest {
  private static final GovernanceAction.SetParameter SET =
      new GovernanceAction.SetParameter("policy", new byte[] {1, 2, 3});

  @Test
  void aParameterChangeRoundTrips() {
    byte[] payload = GovernanceCodec.proposePayload(SET);
    GovernanceAction decoded = GovernanceCodec.parseProposal(payload);
    assertThat(decoded).isEqualTo(SET).hasSameHashCodeAs(SET);
    assertThat(decoded.kind()).isEqualTo("parameter.set");
    assertThat(decoded.describe()).contains("policy").contains(SET.digest().hex());
    GovernanceAction.SetParameter empty = new GovernanceAction.SetParameter("a.b-1", new byte[0]);
    assertThat(GovernanceCodec.parseProposal(GovernanceCodec.proposePayload(empty))).isEqualTo(empty);
  }

  @Test
  void aProposalRecordOfAParameterChangeRoundTrips() {
    Proposal proposal = new Proposal(SET, "st-mary", 4, Instant.parse("2026-03-08T10:00:00Z"),
        List.of("st-mary", "north-lab"), OptionalLong.of(5));
    assertThat(GovernanceCodec.decodeProposal(GovernanceCodec.encode(proposal))).isEqualTo(proposal);
  }

  @Test
  void theValueIsCopied() {
    byte[] value = {1, 2, 3};
    GovernanceAction.SetParameter set = new GovernanceAction.SetParameter("policy", value);
    value[0] = 9;
    set.value()[1] = 9;
    assertThat(set).isEqualTo(SET);
  }

  @Test
  void malformedNamesAreRefusedByTheRecord() {
    for (String name : new String[] {"", "Policy", "policy/x", "a b", "x".repeat(65)}) {
      assertThatIllegalArgumentException().as(name)
          .isThrownBy(() -> new GovernanceAction.SetParameter(name, new byte[0]));
    }
    assertThatIllegalArgumentException().isThrownBy(() -> new GovernanceAction.SetParameter("policy", null));
  }

  private static byte[] change(Wire.Fields fields) {
    return Wire.message(out -> out.writeByteArray(3, Wire.message(fields)));
  }

  @Test
  void nonCanonicalParameterChangesAreRefused() {
    byte[] valid = GovernanceCodec.proposePayload(SET);
    Map<String, byte[]> payloads = new LinkedHashMap<>();
    payloads.put("an unknown field after the change", Wire.concat(valid, UNKNOWN_FIELD));
    payloads.put("an unknown field before the change", Wire.concat(UNKNOWN_FIELD, valid));
    payloads.put("an unknown field inside the change", change(out -> {
      out.writeString(1, "policy");
      out.writeByteArray(2, new byte[] {1, 2, 3});
      out.writeUInt64(15, 1);
    }));
    payloads.put("the fields out of order", change(out -> {
      out.writeByteArray(2, new byte[] {1, 2, 3});
      out.writeString(1, "policy");
    }));
    payloads.put("the name given twice", change(out -> {
      out.writeString(1, "other");
      out.writeString(1, "policy");
      out.writeByteArray(2, new byte[] {1, 2, 3});
    }));
    payloads.put("an empty value written explicitly", change(out -> {
      out.writeString(1, "policy");
      out.writeByteArray(2, new byte[0]);
    }));
    payloads.put("the change given twice", Wire.concat(valid, valid));
    payloads.put("a change and a removal", Wire.concat(valid, Wire.message(out -> out.writeString(2, "validator-1"))));
    payloads.put("no name", change(out -> out.writeByteArray(2, new byte[] {1})));
    payloads.put("an upper-case name", change(out -> out.writeString(1, "Policy")));
    payloads.put("a name with a slash", change(out -> out.writeString(1, "policy/x")));
    payloads.put("a name too long", change(out -> out.writeString(1, "p".repeat(65))));
    payloads.forEach((what, payload) -> {
      Throwable thrown = catchThrowable(() -> GovernanceCodec.parseProposal(payload));
      assertThat(thrown).as(what).isInstanceOf(MalformedEncodingException.class);
      assertThat(thrown.getMessage()).as(what).isNotBlank();
    });
  }
}
