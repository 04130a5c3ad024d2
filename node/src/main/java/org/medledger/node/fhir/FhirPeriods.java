package org.medledger.node.fhir;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.medledger.contracts.policy.Period;

/**
 * Periods between MedLedger and FHIR. MedLedger's periods are half-open, [start, end), in
 * milliseconds; a FHIR Period's end is inclusive at its precision ("2024-03-01T10:00:00Z" includes
 * every instant of that second). So an end {@code e} is written as {@code e - 1 ms} with
 * millisecond precision, and a FHIR end read back is followed by one unit of its precision (a
 * second for {@code ...:00Z}, a millisecond for {@code ...:00.000Z}).
 *
 * <p>Written: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, in UTC. Read: a dateTime with a time of day and a
 * timezone, at most millisecond precision; a date alone is refused (which day it is depends on a
 * timezone FHIR does not give).
 */
final class FhirPeriods {
  private static final DateTimeFormatter WRITTEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.(\\d+))?(?:Z|[+-]\\d{2}:\\d{2})");
  /** The length of the last digit's unit, by number of fraction digits: a second down to a millisecond. */
  private static final long[] PRECISION_MILLIS = {1000, 100, 10, 1};
  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private FhirPeriods() {}

  static boolean isBounded(Period period) {
    return period != null && (period.start() != null || period.end() != null);
  }

  static org.hl7.fhir.r4.model.Period toFhir(Period period, String what) {
    org.hl7.fhir.r4.model.Period fhir = new org.hl7.fhir.r4.model.Period();
    if (period.start() != null) {
      fhir.setStartElement(dateTime(period.start(), what + " start"));
    }
    if (period.end() != null) {
      fhir.setEndElement(dateTime(period.end().minusMillis(1), what + " end"));
    }
    return fhir;
  }

  /** The period {@code fhir} covers, or {@code null} if it has neither start nor end. */
  static Period fromFhir(org.hl7.fhir.r4.model.Period fhir, String path) {
    if (fhir == null || (!fhir.hasStart() && !fhir.hasEnd())) {
      return null;
    }
    Instant start = fhir.hasStart() ? instant(fhir.getStartElement(), path + ".start").instant() : null;
    Instant end = null;
    if (fhir.hasEnd()) {
      ReadInstant inclusiveEnd = instant(fhir.getEndElement(), path + ".end");
      end = inclusiveEnd.instant().plus(inclusiveEnd.precision());
    }
    if (start != null && end != null && !end.isAfter(start)) {
      throw FhirConsentException.at(path, "the period ends (" + fhir.getEndElement().getValueAsString()
          + ") before it starts (" + fhir.getStartElement().getValueAsString() + ")");
    }
    return new Period(start, end);
  }

  private static DateTimeType dateTime(Instant instant, String what) {
    if (instant.getNano() % 1_000_000 != 0) {
      throw new FhirConsentException(what + " " + instant + " is finer than a millisecond: MedLedger keeps milliseconds");
    }
    if (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST)) {
      throw new FhirConsentException(what + " " + instant + " is outside the years 0001-9999 a FHIR dateTime can hold");
    }
    return new DateTimeType(WRITTEN.format(instant));
  }

  /** An instant as read, with the precision of its text. */
  private record ReadInstant(Instant instant, Duration precision) {}

  private static ReadInstant instant(DateTimeType value, String path) {
    String text = value.getValueAsString();
    Matcher matcher = DATE_TIME.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw FhirConsentException.at(path, "'" + text + "' needs a time of day and a timezone, "
          + "e.g. 2024-03-01T00:00:00Z (which instant a date alone means depends on a timezone)");
    }
    String fraction = matcher.group(1);
    int digits = fraction == null ? 0 : fraction.length();
    if (digits > 3) {
      throw FhirConsentException.at(path, "'" + text + "' is finer than a millisecond: MedLedger keeps milliseconds");
    }
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      return new ReadInstant(instant, Duration.ofMillis(PRECISION_MILLIS[digits]));
    } catch (DateTimeException e) {
      throw FhirConsentException.at(path, "'" + text + "' is not a valid dateTime: " + e.getMessage());
    }
  }
}
