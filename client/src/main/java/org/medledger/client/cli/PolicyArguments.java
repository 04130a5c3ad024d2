package org.medledger.client.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * How the command line names people, parties and times: {@code NAME@ORG} for a person or a
 * patient, {@code org:ORG} for every member of an organisation, {@code role:ROLE} for every holder
 * of a role; times as {@code 2026-12-01} (midnight UTC) or {@code 2026-12-01T08:00:00Z}.
 */
final class PolicyArguments {
  private PolicyArguments() {}

  /** {@code NAME@ORG}. */
  static PatientId patient(String text) {
    Party.Person person = person(text, "patient");
    return new PatientId(person.organisation(), person.name());
  }

  /** {@code NAME@ORG}, a person. */
  static Party.Person person(String text, String what) {
    int at = text == null ? -1 : text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1) {
      throw new CliException("'" + text + "' does not name a " + what + ": write NAME@ORG, e.g. buster-hoeger@city-clinic");
    }
    return new Party.Person(OrganisationId.of(text.substring(at + 1)), text.substring(0, at));
  }

  /** {@code NAME@ORG}, {@code org:ORG} or {@code role:ROLE}. */
  static Party party(String text) {
    if (text != null && text.startsWith("org:")) {
      return Party.organisation(text.substring("org:".length()));
    }
    if (text != null && text.startsWith("role:")) {
      return Party.role(Role.parse(text.substring("role:".length())));
    }
    if (text != null && text.contains("@")) {
      return person(text, "person");
    }
    throw new CliException("'" + text + "' names no one: write NAME@ORG (a person), org:ORG (its members) or "
        + "role:ROLE (every holder of the role)");
  }

  /** A period from the optional bounds (open where missing); it must end after it starts. */
  static Period period(String from, String until) {
    return new Period(from == null ? null : instant(from, "--from"), until == null ? null : instant(until, "--until"));
  }

  static Instant instant(String text, String option) {
    try {
      return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new CliException(option + " '" + text + "' is not a date (2026-12-01) or an instant (2026-12-01T08:00:00Z)");
    }
  }

  /** Every value parsed, as an enum set (empty if none given). */
  static <E extends Enum<E>> Set<E> all(Collection<String> texts, Class<E> type, Function<String, E> parse) {
    Set<E> values = EnumSet.noneOf(type);
    for (String text : texts) {
      values.add(parse.apply(text));
    }
    return values;
  }
}
