package org.medledger.contracts.consent;

import static org.medledger.contracts.codec.PolicyCodec.canonical;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medledger.contracts.codec.Ids;
import org.medledger.contracts.codec.PolicyCodec;
import org.medledger.contracts.codec.pb.Delegate;
import org.medledger.contracts.codec.pb.DelegationList;
import org.medledger.contracts.codec.pb.GrantConsent;
import org.medledger.contracts.codec.pb.RevokeConsent;
import org.medledger.contracts.codec.pb.Undelegate;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;

/**
 * The consent contracts' encodings: the payloads of {@code consent.grant}, {@code consent.revoke},
 * {@code consent.delegate} and {@code consent.undelegate}, and consent and delegation records in
 * the world state. Decoders accept only canonical encodings of valid values.
 */
public final class ConsentCodec {
  private ConsentCodec() {}

  // ---- consent.grant

  /**
   * The payload granting a consent. Only the SHA-256 of the FHIR Consent resource goes on chain:
   * the resource names the patient and may hold free text, so it stays off chain with the edge
   * that produced it.
   */
  public static byte[] grantPayload(PatientId patient, Period period, Provision provision, Optional<byte[]> fhirJson) {
    return grantPayload(new ConsentGrant(patient, period, provision, fhirJson.map(Digest::sha256)));
  }

  public static byte[] grantPayload(ConsentGrant grant) {
    GrantConsent.Builder builder = GrantConsent.newBuilder()
        .setPatient(PolicyCodec.toProto(grant.patient()))
        .setPeriod(PolicyCodec.toProto(grant.period()))
        .setProvision(PolicyCodec.toProto(grant.provision()));
    grant.fhirSha256().ifPresent(d -> builder.setFhirConsentSha256(ByteString.copyFrom(d.toByteArray())));
    return builder.build().toByteArray();
  }

  public static ConsentGrant parseGrant(byte[] payload) {
    return canonical("consent grant", payload, () -> {
      GrantConsent grant = GrantConsent.parseFrom(payload);
      if (!grant.hasPatient() || !grant.hasProvision()) {
        throw new MalformedEncodingException("a consent names its patient and a root provision");
      }
      return new ConsentGrant(PolicyCodec.patient(grant.getPatient()), PolicyCodec.fromProto(grant.getPeriod()),
          PolicyCodec.fromProto(grant.getProvision()), optionalDigest(grant.getFhirConsentSha256()));
    }, ConsentCodec::grantPayload);
  }

  // ---- consent.revoke

  public static byte[] revokePayload(String consentId) {
    return RevokeConsent.newBuilder().setConsentId(consentId).build().toByteArray();
  }

  public static String parseRevoke(byte[] payload) {
    return canonical("consent revocation", payload,
        () -> Ids.requireTransactionId(RevokeConsent.parseFrom(payload).getConsentId(), "the consent id"),
        ConsentCodec::revokePayload);
  }

  // ---- consent.delegate / consent.undelegate

  public static byte[] delegatePayload(DelegationRequest request) {
    return Delegate.newBuilder()
        .setDelegate(PolicyCodec.toProto(request.delegate()))
        .addAllActions(PolicyCodec.actionCodes(request.actions()))
        .addAllClasses(PolicyCodec.classCodes(request.classes()))
        .setPeriod(PolicyCodec.toProto(request.period()))
        .build()
        .toByteArray();
  }

  public static DelegationRequest parseDelegate(byte[] payload) {
    return canonical("delegation", payload, () -> {
      Delegate delegate = Delegate.parseFrom(payload);
      if (!delegate.hasDelegate()) {
        throw new MalformedEncodingException("a delegation names its delegate");
      }
      return new DelegationRequest(PolicyCodec.person(delegate.getDelegate()),
          PolicyCodec.actions(delegate.getActionsList()), PolicyCodec.classes(delegate.getClassesList()),
          PolicyCodec.fromProto(delegate.getPeriod()));
    }, ConsentCodec::delegatePayload);
  }

  public static byte[] undelegatePayload(String delegationId) {
    return Undelegate.newBuilder().setDelegationId(delegationId).build().toByteArray();
  }

  public static String parseUndelegate(byte[] payload) {
    return canonical("undelegation", payload,
        () -> Ids.requireTransactionId(Undelegate.parseFrom(payload).getDelegationId(), "the delegation id"),
        ConsentCodec::undelegatePayload);
  }

  // ---- state

  public static byte[] encode(ConsentRecord record) {
    Consent consent = record.consent();
    org.medledger.contracts.codec.pb.ConsentRecord.Builder builder =
        org.medledger.contracts.codec.pb.ConsentRecord.newBuilder()
            .setId(consent.id())
            .setPatient(PolicyCodec.toProto(consent.patient()))
            .setPeriod(PolicyCodec.toProto(consent.period()))
            .setProvision(PolicyCodec.toProto(consent.provision()))
            .setGrantedHeight(record.grantedHeight())
            .setGrantedBy(PolicyCodec.toProto(record.grantedBy()));
    record.fhirSha256().ifPresent(d -> builder.setFhirConsentSha256(ByteString.copyFrom(d.toByteArray())));
    record.revocation().ifPresent(r -> builder.setRevoked(true)
        .setRevokedHeight(r.height())
        .setRevokedAtMillis(r.at().toEpochMilli())
        .setRevokedBy(PolicyCodec.toProto(r.by())));
    return builder.build().toByteArray();
  }

  public static ConsentRecord decodeConsent(byte[] bytes) {
    return canonical("consent record", bytes, () -> {
      org.medledger.contracts.codec.pb.ConsentRecord record =
          org.medledger.contracts.codec.pb.ConsentRecord.parseFrom(bytes);
      Consent consent = new Consent(record.getId(), PolicyCodec.patient(record.getPatient()),
          record.getRevoked() ? Consent.Status.INACTIVE : Consent.Status.ACTIVE,
          PolicyCodec.fromProto(record.getPeriod()), PolicyCodec.fromProto(record.getProvision()));
      Optional<ConsentRecord.Revocation> revocation = record.getRevoked()
          ? Optional.of(new ConsentRecord.Revocation(record.getRevokedHeight(),
              Instant.ofEpochMilli(record.getRevokedAtMillis()), PolicyCodec.person(record.getRevokedBy())))
          : Optional.empty();
      return new ConsentRecord(consent, optionalDigest(record.getFhirConsentSha256()), record.getGrantedHeight(),
          PolicyCodec.person(record.getGrantedBy()), revocation);
    }, ConsentCodec::encode);
  }

  public static byte[] encodeDelegations(List<DelegationEntry> delegations) {
    DelegationList.Builder builder = DelegationList.newBuilder();
    for (DelegationEntry entry : delegations) {
      Delegation delegation = entry.delegation();
      builder.addEntries(org.medledger.contracts.codec.pb.DelegationEntry.newBuilder()
          .setId(entry.id())
          .setDelegate(PolicyCodec.toProto(delegation.delegate()))
          .addAllActions(PolicyCodec.actionCodes(delegation.actions()))
          .addAllClasses(PolicyCodec.classCodes(delegation.classes()))
          .setPeriod(PolicyCodec.toProto(delegation.period()))
          .setHeight(entry.height()));
    }
    return builder.build().toByteArray();
  }

  /** The delegations of {@code patient} (the key names the patient; entries do not repeat it). */
  public static List<DelegationEntry> decodeDelegations(byte[] bytes, PatientId patient) {
    return canonical("delegation list", bytes, () -> {
      List<DelegationEntry> entries = new ArrayList<>();
      for (org.medledger.contracts.codec.pb.DelegationEntry entry : DelegationList.parseFrom(bytes).getEntriesList()) {
        entries.add(new DelegationEntry(Ids.requireTransactionId(entry.getId(), "a delegation id"),
            new Delegation(patient, PolicyCodec.person(entry.getDelegate()),
                PolicyCodec.actions(entry.getActionsList()), PolicyCodec.classes(entry.getClassesList()),
                PolicyCodec.fromProto(entry.getPeriod())),
            entry.getHeight()));
      }
      return entries;
    }, ConsentCodec::encodeDelegations);
  }

  private static Optional<Digest> optionalDigest(ByteString bytes) {
    return bytes.isEmpty() ? Optional.empty() : Optional.of(PolicyCodec.digest(bytes, "the FHIR Consent hash"));
  }
}
