package org.medledger.ledger.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.codec.pb.Attribute;
import org.medledger.ledger.codec.pb.IdentityRecord;
import org.medledger.ledger.codec.pb.RegisterIdentity;
import org.medledger.ledger.codec.pb.ReinstateIdentity;
import org.medledger.ledger.codec.pb.RevokeIdentity;
import org.medledger.ledger.codec.pb.SuspendIdentity;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.PkiException;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/**
 * The identity registry's encodings: identity entries in the world state, and the payloads of
 * {@code identity.register} and {@code identity.revoke}. Payload parsers accept only canonical
 * encodings of valid values.
 */
public final class IdentityCodec {
  private IdentityCodec() {}

  public static byte[] registerPayload(IdentityClaims claims) {
    return RegisterIdentity.newBuilder()
        .setName(claims.name())
        .setRole(claims.role().id())
        .addAllAttributes(attributes(claims.attributes()))
        .build()
        .toByteArray();
  }

  /** A parsed {@code identity.register} payload: the claims, but for the registrar's organisation. */
  public record Registration(String name, Role role, SortedMap<String, String> attributes) {
    public Registration {
      IdentityClaims.requireValidName(name);
      attributes.forEach(IdentityClaims::requireValidAttribute);
      attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    public IdentityClaims at(OrganisationId organisation) {
      return new IdentityClaims(name, role, organisation, attributes);
    }
  }

  public static Registration parseRegistration(byte[] payload) {
    try {
      RegisterIdentity registration = RegisterIdentity.parseFrom(payload);
      Registration parsed = new Registration(registration.getName(), role(registration.getRole()),
          attributes(registration.getAttributesList()));
      requireCanonical(RegisterIdentity.newBuilder().setName(parsed.name()).setRole(parsed.role().id())
          .addAllAttributes(attributes(parsed.attributes())).build().toByteArray(), payload);
      return parsed;
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new MalformedEncodingException("malformed registration: " + e.getMessage());
    }
  }

  public static byte[] revokePayload(String name, RevocationReason reason) {
    return RevokeIdentity.newBuilder().setName(name).setReason(reason.id()).build().toByteArray();
  }

  /** A parsed {@code identity.revoke} payload. */
  public record Revocation(String name, RevocationReason reason) {}

  public static Revocation parseRevocation(byte[] payload) {
    try {
      RevokeIdentity revocation = RevokeIdentity.parseFrom(payload);
      IdentityClaims.requireValidName(revocation.getName());
      RevocationReason reason = RevocationReason.parse(revocation.getReason());
      requireCanonical(revokePayload(revocation.getName(), reason), payload);
      return new Revocation(revocation.getName(), reason);
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new MalformedEncodingException("malformed identity revocation: " + e.getMessage());
    }
  }

  public static byte[] suspendPayload(String name, RevocationReason reason) {
    return SuspendIdentity.newBuilder().setName(name).setReason(reason.id()).build().toByteArray();
  }

  /** A parsed {@code identity.suspend} payload (reasons as for revocations, e.g. privilege-withdrawn). */
  public static Revocation parseSuspension(byte[] payload) {
    try {
      SuspendIdentity suspension = SuspendIdentity.parseFrom(payload);
      IdentityClaims.requireValidName(suspension.getName());
      RevocationReason reason = RevocationReason.parse(suspension.getReason());
      requireCanonical(suspendPayload(suspension.getName(), reason), payload);
      return new Revocation(suspension.getName(), reason);
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new MalformedEncodingException("malformed identity suspension: " + e.getMessage());
    }
  }

  public static byte[] reinstatePayload(String name) {
    return ReinstateIdentity.newBuilder().setName(name).build().toByteArray();
  }

  /** The name in a parsed {@code identity.reinstate} payload. */
  public static String parseReinstatement(byte[] payload) {
    try {
      ReinstateIdentity reinstatement = ReinstateIdentity.parseFrom(payload);
      IdentityClaims.requireValidName(reinstatement.getName());
      requireCanonical(reinstatePayload(reinstatement.getName()), payload);
      return reinstatement.getName();
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new MalformedEncodingException("malformed identity reinstatement: " + e.getMessage());
    }
  }

  public static byte[] encode(IdentityEntry entry) {
    IdentityRecord.Builder builder = IdentityRecord.newBuilder()
        .setName(entry.claims().name())
        .setRole(entry.claims().role().id())
        .addAllAttributes(attributes(entry.claims().attributes()))
        .setRegisteredHeight(entry.registeredHeight());
    entry.certificates().forEach(fingerprint -> builder.addCertificates(ByteString.copyFrom(fingerprint.toByteArray())));
    entry.revocation().ifPresent(r -> builder.setRevoked(true)
        .setRevokedAtMillis(r.at().toEpochMilli())
        .setRevokedHeight(r.height())
        .setRevocationReason(r.reason()));
    entry.suspension().ifPresent(x -> builder.setSuspended(true)
        .setSuspendedHeight(x.height())
        .setSuspensionReason(x.reason()));
    return builder.build().toByteArray();
  }

  public static IdentityEntry decode(byte[] bytes, OrganisationId organisation) {
    try {
      IdentityRecord record = IdentityRecord.parseFrom(bytes);
      IdentityClaims claims = new IdentityClaims(record.getName(), role(record.getRole()), organisation,
          attributes(record.getAttributesList()));
      List<Digest> certificates = record.getCertificatesList().stream().map(b -> Digest.of(b.toByteArray())).toList();
      Optional<CertificateEntry.OnChainRevocation> revocation = record.getRevoked()
          ? Optional.of(new CertificateEntry.OnChainRevocation(Instant.ofEpochMilli(record.getRevokedAtMillis()),
              record.getRevokedHeight(), record.getRevocationReason()))
          : Optional.empty();
      Optional<CertificateEntry.Suspension> suspension = record.getSuspended()
          ? Optional.of(new CertificateEntry.Suspension(record.getSuspendedHeight(), record.getSuspensionReason()))
          : Optional.empty();
      return new IdentityEntry(claims, record.getRegisteredHeight(), certificates, revocation, suspension);
    } catch (InvalidProtocolBufferException | PkiException | IllegalArgumentException e) {
      throw new MalformedEncodingException("damaged identity record");
    }
  }

  /** A role by its exact id: one spelling per value. */
  private static Role role(String id) {
    Role role = Role.parse(id);
    if (!role.id().equals(id)) {
      throw new MalformedEncodingException("role not in canonical form");
    }
    return role;
  }

  private static List<Attribute> attributes(SortedMap<String, String> attributes) {
    return attributes.entrySet().stream()
        .map(e -> Attribute.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build())
        .toList();
  }

  /** Attributes as a map; they must be sorted by key with no key twice (one encoding per value). */
  private static SortedMap<String, String> attributes(List<Attribute> list) {
    SortedMap<String, String> map = new TreeMap<>();
    String previous = null;
    for (Attribute attribute : list) {
      if (previous != null && previous.compareTo(attribute.getKey()) >= 0) {
        throw new MalformedEncodingException("attributes must be sorted by key, each key once");
      }
      previous = attribute.getKey();
      map.put(attribute.getKey(), attribute.getValue());
    }
    return map;
  }

  private static void requireCanonical(byte[] reencoded, byte[] payload) {
    if (!Arrays.equals(reencoded, payload)) {
      throw new MalformedEncodingException("not in canonical form");
    }
  }
}
