package org.medledger.pki;

import java.util.regex.Pattern;

/** The identifier of a consortium organisation: a lower-case slug such as {@code st-mary}. */
public record OrganisationId(String value) implements Comparable<OrganisationId> {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  public OrganisationId {
    if (value == null || !SLUG.matcher(value).matches()) {
      throw new PkiException(
          PkiException.Reason.INVALID_NAME,
          "invalid organisation id '" + value + "': use 1-63 lower-case letters, digits and inner hyphens");
    }
  }

  public static OrganisationId of(String value) {
    return new OrganisationId(value);
  }

  @Override
  public int compareTo(OrganisationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
