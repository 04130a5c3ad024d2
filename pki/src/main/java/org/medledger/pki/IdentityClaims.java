package org.medledger.pki;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who a certificate speaks for: a name within an organisation, a role and optional attributes
 * (for attribute-based access control, e.g. {@code department=cardiology}). Validated on creation.
 */
public record IdentityClaims(
    String name, Role role, OrganisationId organisation, SortedMap<String, String> attributes) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@-]{0,63}");
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z][a-z0-9._-]{0,31}");
  private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[\\p{Print}&&[^=]]{1,128}");

  public IdentityClaims {
    requireValidName(name);
    if (role == null || organisation == null) {
      throw new PkiException(PkiException.Reason.MALFORMED, "role and organisation are required");
    }
    SortedMap<String, String> copy = new TreeMap<>(attributes == null ? Map.of() : attributes);
    copy.forEach(IdentityClaims::requireValidAttribute);
    attributes = Collections.unmodifiableSortedMap(copy);
  }

  public static IdentityClaims of(String name, Role role, OrganisationId organisation) {
    return new IdentityClaims(name, role, organisation, new TreeMap<>());
  }

  /** Rejects names that are empty, too long, or hold characters unsafe in a certificate subject. */
  public static void requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new PkiException(
          PkiException.Reason.INVALID_NAME,
          "invalid name '" + name + "': 1-64 letters, digits, spaces and . _ @ -, starting with a letter or digit");
    }
  }

  /** Rejects an attribute name or value unsafe in a certificate or too long. */
  public static void requireValidAttribute(String key, String value) {
    if (key == null || !ATTRIBUTE_KEY.matcher(key).matches()) {
      throw new PkiException(
          PkiException.Reason.INVALID_ATTRIBUTE,
          "invalid attribute name '" + key + "': lower-case letters, digits, . _ -, up to 32");
    }
    if (value == null || !ATTRIBUTE_VALUE.matcher(value).matches()) {
      throw new PkiException(
          PkiException.Reason.INVALID_ATTRIBUTE,
          "invalid value for attribute '" + key + "': 1-128 printable characters, no '='");
    }
  }
}
