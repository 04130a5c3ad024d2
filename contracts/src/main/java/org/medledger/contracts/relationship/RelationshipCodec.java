package org.medledger.contracts.relationship;

import static org.medledger.contracts.codec.PolicyCodec.canonical;

import java.util.ArrayList;
import java.util.List;
import org.medledger.contracts.codec.Ids;
import org.medledger.contracts.codec.PolicyCodec;
import org.medledger.contracts.codec.pb.AddRelationship;
import org.medledger.contracts.codec.pb.EndRelationship;
import org.medledger.contracts.codec.pb.RelationshipList;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Relationship;
import org.medledger.ledger.codec.MalformedEncodingException;

/**
 * The encodings of treating relationships: the payloads of {@code relationship.add} and {@code
 * relationship.end}, and a patient's relationships in the world state. Decoders accept only
 * canonical encodings of valid values.
 */
public final class RelationshipCodec {
  private RelationshipCodec() {}

  public static byte[] addPayload(Relationship relationship) {
    return AddRelationship.newBuilder()
        .setPatient(PolicyCodec.toProto(relationship.patient()))
        .setParty(PolicyCodec.toProto(relationship.party()))
        .setKind(kind(relationship.kind()))
        .setPeriod(PolicyCodec.toProto(relationship.period()))
        .build()
        .toByteArray();
  }

  public static Relationship parseAdd(byte[] payload) {
    return canonical("relationship", payload, () -> {
      AddRelationship add = AddRelationship.parseFrom(payload);
      if (!add.hasPatient() || !add.hasParty()) {
        throw new MalformedEncodingException("a relationship names its patient and its treating party");
      }
      return new Relationship(PolicyCodec.patient(add.getPatient()), PolicyCodec.fromProto(add.getParty()),
          kind(add.getKind()), PolicyCodec.fromProto(add.getPeriod()));
    }, RelationshipCodec::addPayload);
  }

  public static byte[] endPayload(RelationshipEnd end) {
    return EndRelationship.newBuilder()
        .setPatient(PolicyCodec.toProto(end.patient()))
        .setRelationshipId(end.relationshipId())
        .build()
        .toByteArray();
  }

  public static RelationshipEnd parseEnd(byte[] payload) {
    return canonical("relationship end", payload, () -> {
      EndRelationship end = EndRelationship.parseFrom(payload);
      if (!end.hasPatient()) {
        throw new MalformedEncodingException("a relationship end names the patient");
      }
      return new RelationshipEnd(PolicyCodec.patient(end.getPatient()),
          Ids.requireTransactionId(end.getRelationshipId(), "the relationship id"));
    }, RelationshipCodec::endPayload);
  }

  public static byte[] encode(List<RelationshipEntry> entries) {
    RelationshipList.Builder builder = RelationshipList.newBuilder();
    for (RelationshipEntry entry : entries) {
      builder.addEntries(org.medledger.contracts.codec.pb.RelationshipEntry.newBuilder()
          .setId(entry.id())
          .setParty(PolicyCodec.toProto(entry.relationship().party()))
          .setKind(kind(entry.relationship().kind()))
          .setPeriod(PolicyCodec.toProto(entry.relationship().period()))
          .setHeight(entry.height()));
    }
    return builder.build().toByteArray();
  }

  /** The relationships of {@code patient} (the key names the patient; entries do not repeat it). */
  public static List<RelationshipEntry> decode(byte[] bytes, PatientId patient) {
    return canonical("relationship list", bytes, () -> {
      List<RelationshipEntry> entries = new ArrayList<>();
      for (org.medledger.contracts.codec.pb.RelationshipEntry entry : RelationshipList.parseFrom(bytes).getEntriesList()) {
        entries.add(new RelationshipEntry(Ids.requireTransactionId(entry.getId(), "a relationship id"),
            new Relationship(patient, PolicyCodec.fromProto(entry.getParty()), kind(entry.getKind()),
                PolicyCodec.fromProto(entry.getPeriod())),
            entry.getHeight()));
      }
      return entries;
    }, RelationshipCodec::encode);
  }

  static String kind(Relationship.Kind kind) {
    return switch (kind) {
      case ADMISSION -> "admission";
      case REFERRAL -> "referral";
      case CARE_TEAM -> "care-team";
    };
  }

  static Relationship.Kind kind(String code) {
    return switch (code) {
      case "admission" -> Relationship.Kind.ADMISSION;
      case "referral" -> Relationship.Kind.REFERRAL;
      case "care-team" -> Relationship.Kind.CARE_TEAM;
      default -> throw new MalformedEncodingException("unknown relationship kind '" + code + "'");
    };
  }
}
