package org.medledger.contracts.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.BreakGlassRecord;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.access.ReviewOutcome;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.consent.ConsentRecord;
import org.medledger.contracts.consent.DelegationEntry;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Obligation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.contracts.relationship.RelationshipCodec;
import org.medledger.contracts.relationship.RelationshipEntry;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/** Round trips of every encoding, and refusal of encodings that are not canonical. */
class HealthCodecTest {
  private static final PatientId ALICE = PatientId.of("st-mary", "alice");
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private static final String ID = "0123456789abcdef".repeat(4);

  private static Provision nested() {
    return Provision.permit().actors(Party.person("city-clinic", "dr-dan"), Party.organisation("st-mary"),
            Party.role(Role.NURSE))
        .actions(Action.WRITE, Action.READ).purposes(PurposeOfUse.TREAT, PurposeOfUse.HRESCH)
        .classes(DataClass.OBSERVATION, DataClass.CONDITION).labels(SecurityLabel.N)
        .period(Period.between(T, T.plus(Duration.ofDays(30))))
        .except(Provision.deny().labels(SecurityLabel.HIV, SecurityLabel.PSY)
            .except(Provision.permit().actors(Party.person("city-clinic", "dr-dan")).build()).build())
        .build();
  }

  @Test
  void everyEncodingRoundTrips() {
    ConsentGrant grant = new ConsentGrant(ALICE, Period.from(T), nested(), Optional.of(Digest.sha256(new byte[] {1})));
    assertThat(ConsentCodec.parseGrant(ConsentCodec.grantPayload(grant))).isEqualTo(grant);

    ConsentRecord record = new ConsentRecord(Consent.active(ID, ALICE, Period.ALWAYS, nested()), Optional.empty(), 7,
        ALICE.asPerson(), Optional.empty());
    assertThat(ConsentCodec.decodeConsent(ConsentCodec.encode(record))).isEqualTo(record);
    ConsentRecord revoked = record.revoked(new ConsentRecord.Revocation(9, T, Party.person("st-mary", "gus")));
    assertThat(ConsentCodec.decodeConsent(ConsentCodec.encode(revoked))).isEqualTo(revoked);

    List<DelegationEntry> delegations = List.of(new DelegationEntry(ID, new Delegation(ALICE,
        Party.person("st-mary", "gus"), Set.of(Action.READ), Set.of(DataClass.OBSERVATION), Period.from(T)), 3));
    assertThat(ConsentCodec.decodeDelegations(ConsentCodec.encodeDelegations(delegations), ALICE))
        .isEqualTo(delegations);

    Relationship relationship = new Relationship(ALICE, Party.organisation("st-mary"), Relationship.Kind.CARE_TEAM,
        Period.between(T, T.plusSeconds(60)));
    assertThat(RelationshipCodec.parseAdd(RelationshipCodec.addPayload(relationship))).isEqualTo(relationship);
    List<RelationshipEntry> relationships = List.of(new RelationshipEntry(ID, relationship, 4));
    assertThat(RelationshipCodec.decode(RelationshipCodec.encode(relationships), ALICE)).isEqualTo(relationships);

    RequestPayload request = new RequestPayload(ALICE, Action.EXPORT, PurposeOfUse.HRESCH, DataClass.CONDITION,
        Set.of(SecurityLabel.GDIS, SecurityLabel.R), OrganisationId.of("city-clinic"), true);
    assertThat(AccessCodec.parseRequest(AccessCodec.requestPayload(request))).isEqualTo(request);
    DecisionRecord decision = new DecisionRecord(Party.person("city-clinic", "dr-dan"), Role.PHYSICIAN, request,
        Decision.permit(ReasonCode.BREAK_GLASS, "emergency", List.of(Obligation.FLAG_BREAK_GLASS,
            Obligation.NOTIFY_PATIENT, Obligation.reviewWithin(Duration.ofHours(72)))), 12, T,
        java.util.Optional.of("ab".repeat(32)));
    assertThat(AccessCodec.decodeDecision(AccessCodec.encodeDecision(decision))).isEqualTo(decision);

    BreakGlassRecord grantRecord = new BreakGlassRecord(ID, Party.person("city-clinic", "dr-dan"), ALICE,
        Digest.sha256(new byte[] {2}), T, T.plus(Duration.ofHours(4)), 5, Optional.empty());
    assertThat(AccessCodec.decodeGrant(AccessCodec.encodeGrant(grantRecord))).isEqualTo(grantRecord);
    BreakGlassRecord reviewed = grantRecord.reviewed(new BreakGlassRecord.Review(ReviewOutcome.INAPPROPRIATE,
        Party.person("st-mary", "audrey"), T.plusSeconds(5), 6));
    assertThat(AccessCodec.decodeGrant(AccessCodec.encodeGrant(reviewed))).isEqualTo(reviewed);
    assertThat(IdListCodec.decode(IdListCodec.encode(List.of("a", "b")))).containsExactly("a", "b");
  }

  @Test
  void encodingsThatAreNotCanonicalAreRefused() {
    byte[] payload = AccessCodec.requestPayload(new RequestPayload(ALICE, Action.READ, PurposeOfUse.TREAT,
        DataClass.OBSERVATION, Set.of(SecurityLabel.PSY, SecurityLabel.N), OrganisationId.of("st-mary"), false));
    org.medledger.contracts.codec.pb.RequestAccess parsed = parse(payload);
    // labels out of enum order
    byte[] reordered = parsed.toBuilder().clearLabels().addLabels("PSY").addLabels("N").build().toByteArray();
    assertThatThrownBy(() -> AccessCodec.parseRequest(reordered)).isInstanceOf(MalformedEncodingException.class);
    byte[] lowerCase = parsed.toBuilder().setDataClass("observation").build().toByteArray();
    assertThatThrownBy(() -> AccessCodec.parseRequest(lowerCase)).isInstanceOf(MalformedEncodingException.class);
    byte[] trailing = java.util.Arrays.copyOf(payload, payload.length + 2);
    trailing[payload.length] = (byte) 0xF8; // field 127, varint
    trailing[payload.length + 1] = 0x01;
    assertThatThrownBy(() -> AccessCodec.parseRequest(trailing)).isInstanceOf(MalformedEncodingException.class);
    assertThatThrownBy(() -> IdListCodec.decode(IdListCodec.encode(List.of("b", "a"))))
        .isInstanceOf(MalformedEncodingException.class);
    assertThatThrownBy(() -> ConsentCodec.parseRevoke(ConsentCodec.revokePayload(ID.toUpperCase())))
        .isInstanceOf(MalformedEncodingException.class);
    assertThatThrownBy(() -> ConsentCodec.parseGrant(new byte[] {(byte) 0xFF}))
        .isInstanceOf(MalformedEncodingException.class);
  }

  @Test
  void provisionsNestingTooDeepAreRefused() {
    org.medledger.contracts.codec.pb.Provision deep = PolicyCodec.toProto(Provision.deny().build());
    for (int i = 0; i < Provision.MAX_DEPTH; i++) {
      deep = org.medledger.contracts.codec.pb.Provision.newBuilder().setType("permit").addProvisions(deep).build();
    }
    byte[] payload = org.medledger.contracts.codec.pb.GrantConsent.newBuilder()
        .setPatient(PolicyCodec.toProto(ALICE)).setPeriod(PolicyCodec.toProto(Period.ALWAYS)).setProvision(deep)
        .build().toByteArray();
    assertThatThrownBy(() -> ConsentCodec.parseGrant(payload)).isInstanceOf(MalformedEncodingException.class);
  }

  private static org.medledger.contracts.codec.pb.RequestAccess parse(byte[] payload) {
    try {
      return org.medledger.contracts.codec.pb.RequestAccess.parseFrom(payload);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
