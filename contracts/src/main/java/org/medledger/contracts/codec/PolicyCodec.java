package org.medledger.contracts.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.PkiException;
import org.medledger.pki.Role;

/**
 * The encodings of the policy model's shared values (periods, persons, parties, provisions, sets
 * of codes) as protobuf messages, for the codecs of each contract. Decoders parse leniently into
 * a validated value; the contract codecs then re-encode the whole value and compare it with the
 * bytes received, so only canonical bytes are accepted (codes in their one spelling, sets in enum
 * order and without repeats, no unknown fields).
 */
public final class PolicyCodec {
  private PolicyCodec() {}

  // ---- periods

  public static org.medledger.contracts.codec.pb.Period toProto(Period period) {
    org.medledger.contracts.codec.pb.Period.Builder builder = org.medledger.contracts.codec.pb.Period.newBuilder();
    if (period.start() != null) {
      builder.setStartMillis(period.start().toEpochMilli());
    }
    if (period.end() != null) {
      builder.setEndMillis(period.end().toEpochMilli());
    }
    return builder.build();
  }

  public static Period fromProto(org.medledger.contracts.codec.pb.Period period) {
    return new Period(period.hasStartMillis() ? Instant.ofEpochMilli(period.getStartMillis()) : null,
        period.hasEndMillis() ? Instant.ofEpochMilli(period.getEndMillis()) : null);
  }

  // ---- persons and parties

  public static org.medledger.contracts.codec.pb.Person toProto(Party.Person person) {
    return org.medledger.contracts.codec.pb.Person.newBuilder()
        .setOrganisation(person.organisation().value())
        .setName(person.name())
        .build();
  }

  public static org.medledger.contracts.codec.pb.Person toProto(PatientId patient) {
    return toProto(patient.asPerson());
  }

  public static Party.Person person(org.medledger.contracts.codec.pb.Person person) {
    return new Party.Person(OrganisationId.of(person.getOrganisation()), person.getName());
  }

  public static PatientId patient(org.medledger.contracts.codec.pb.Person person) {
    return new PatientId(OrganisationId.of(person.getOrganisation()), person.getName());
  }

  public static org.medledger.contracts.codec.pb.Party toProto(Party party) {
    org.medledger.contracts.codec.pb.Party.Builder builder = org.medledger.contracts.codec.pb.Party.newBuilder();
    if (party instanceof Party.Person person) {
      builder.setPerson(toProto(person));
    } else if (party instanceof Party.Organisation organisation) {
      builder.setOrganisation(organisation.organisation().value());
    } else {
      builder.setRole(((Party.OfRole) party).role().id());
    }
    return builder.build();
  }

  public static Party fromProto(org.medledger.contracts.codec.pb.Party party) {
    switch (party.getKindCase()) {
      case PERSON:
        return person(party.getPerson());
      case ORGANISATION:
        return new Party.Organisation(OrganisationId.of(party.getOrganisation()));
      case ROLE:
        return new Party.OfRole(Role.parse(party.getRole()));
      default:
        throw new MalformedEncodingException("a party is a person, an organisation or a role");
    }
  }

  // ---- provisions

  public static org.medledger.contracts.codec.pb.Provision toProto(Provision provision) {
    org.medledger.contracts.codec.pb.Provision.Builder builder = org.medledger.contracts.codec.pb.Provision.newBuilder()
        .setType(provision.type() == Provision.Type.PERMIT ? "permit" : "deny")
        .addAllActions(actionCodes(provision.actions()))
        .addAllPurposes(purposeCodes(provision.purposes()))
        .addAllClasses(classCodes(provision.classes()))
        .addAllLabels(labelCodes(provision.labels()));
    if (provision.period() != null) {
      builder.setPeriod(toProto(provision.period()));
    }
    provision.actors().forEach(actor -> builder.addActors(toProto(actor)));
    provision.provisions().forEach(nested -> builder.addProvisions(toProto(nested)));
    return builder.build();
  }

  public static Provision fromProto(org.medledger.contracts.codec.pb.Provision provision) {
    return fromProto(provision, 1);
  }

  private static Provision fromProto(org.medledger.contracts.codec.pb.Provision provision, int depth) {
    if (depth > Provision.MAX_DEPTH) {
      throw new MalformedEncodingException("provisions nest deeper than " + Provision.MAX_DEPTH);
    }
    Provision.Type type = switch (provision.getType()) {
      case "permit" -> Provision.Type.PERMIT;
      case "deny" -> Provision.Type.DENY;
      default -> throw new MalformedEncodingException("a provision is a permit or a deny, not '"
          + provision.getType() + "'");
    };
    List<Party> actors = new ArrayList<>();
    provision.getActorsList().forEach(actor -> actors.add(fromProto(actor)));
    List<Provision> nested = new ArrayList<>();
    for (org.medledger.contracts.codec.pb.Provision child : provision.getProvisionsList()) {
      nested.add(fromProto(child, depth + 1));
    }
    return new Provision(type, provision.hasPeriod() ? fromProto(provision.getPeriod()) : null, actors,
        actions(provision.getActionsList()), purposes(provision.getPurposesList()),
        classes(provision.getClassesList()), labels(provision.getLabelsList()), nested);
  }

  // ---- sets of codes, in enum order

  public static List<String> actionCodes(Set<Action> actions) {
    return sorted(actions, Action.class).stream().map(Action::id).toList();
  }

  public static List<String> purposeCodes(Set<PurposeOfUse> purposes) {
    return sorted(purposes, PurposeOfUse.class).stream().map(PurposeOfUse::code).toList();
  }

  public static List<String> classCodes(Set<DataClass> classes) {
    return sorted(classes, DataClass.class).stream().map(DataClass::fhirType).toList();
  }

  public static List<String> labelCodes(Set<SecurityLabel> labels) {
    return sorted(labels, SecurityLabel.class).stream().map(SecurityLabel::code).toList();
  }

  public static Set<Action> actions(List<String> codes) {
    return set(codes, Action.class, Action::parse);
  }

  public static Set<PurposeOfUse> purposes(List<String> codes) {
    return set(codes, PurposeOfUse.class, PurposeOfUse::parse);
  }

  public static Set<DataClass> classes(List<String> codes) {
    return set(codes, DataClass.class, DataClass::parse);
  }

  public static Set<SecurityLabel> labels(List<String> codes) {
    return set(codes, SecurityLabel.class, SecurityLabel::parse);
  }

  private static <E extends Enum<E>> List<E> sorted(Set<E> values, Class<E> type) {
    // EnumSet iterates in declaration order: the canonical order of codes
    return values.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf((Collection<E>) values));
  }

  private static <E extends Enum<E>> Set<E> set(List<String> codes, Class<E> type, Function<String, E> parse) {
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String code : codes) {
      if (!set.add(parse.apply(code))) {
        throw new MalformedEncodingException("a code is listed twice: " + code);
      }
    }
    return set;
  }

  // ---- decoding discipline

  /** A decoder that may throw anything on bad input. */
  @FunctionalInterface
  public interface Decoder<T> {
    T decode() throws Exception;
  }

  /**
   * Runs a decoder and then checks that {@code reencode} of its value gives back {@code bytes}
   * exactly; every failure (protobuf, an invalid value, a non-canonical encoding) becomes a
   * {@link MalformedEncodingException} saying what was being decoded.
   */
  public static <T> T canonical(String what, byte[] bytes, Decoder<T> decoder, Function<T, byte[]> reencode) {
    T value;
    try {
      value = decoder.decode();
    } catch (MalformedEncodingException e) {
      throw new MalformedEncodingException("malformed " + what + ": " + e.getMessage());
    } catch (IllegalArgumentException | PkiException | com.google.protobuf.InvalidProtocolBufferException e) {
      throw new MalformedEncodingException("malformed " + what + ": " + e.getMessage());
    } catch (Exception e) {
      throw new MalformedEncodingException("malformed " + what);
    }
    if (!Arrays.equals(reencode.apply(value), bytes)) {
      throw new MalformedEncodingException(what + " is not in canonical form");
    }
    return value;
  }

  /** A SHA-256 carried as bytes: exactly 32 of them. */
  public static org.medledger.ledger.Digest digest(com.google.protobuf.ByteString bytes, String what) {
    if (bytes.size() != org.medledger.ledger.Digest.LENGTH) {
      throw new MalformedEncodingException(what + " must be a SHA-256 (32 bytes)");
    }
    return org.medledger.ledger.Digest.of(bytes.toByteArray());
  }
}
