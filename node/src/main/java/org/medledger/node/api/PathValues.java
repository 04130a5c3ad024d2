package org.medledger.node.api;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.pki.PkiException;

/** The values a request names in its path and query, checked: a 400 problem for a malformed one. */
final class PathValues {
  /** The number of entries a list answers with unless {@code limit} says otherwise. */
  static final int DEFAULT_LIMIT = 100;
  /** The most entries a list answers with. */
  static final int MAX_LIMIT = 1000;

  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

  private PathValues() {}

  /** The patient named by {@code {org}/{name}}. */
  static PatientId patient(Context ctx) {
    try {
      return PatientId.of(ctx.pathParam("org"), ctx.pathParam("name"));
    } catch (PkiException | IllegalArgumentException e) {
      throw new ProblemException(400, "malformed-identity", e.getMessage());
    }
  }

  /** The person named by {@code {org}/{name}}. */
  static Party.Person person(Context ctx) {
    try {
      return Party.person(ctx.pathParam("org"), ctx.pathParam("name"));
    } catch (PkiException | IllegalArgumentException e) {
      throw new ProblemException(400, "malformed-identity", e.getMessage());
    }
  }

  /** A transaction id in the path parameter {@code name}: 64 lower-case hex digits. */
  static String transactionId(Context ctx, String name, String what) {
    String text = ctx.pathParam(name);
    if (!ID.matcher(text).matches()) {
      throw new ProblemException(400, "malformed-id", what + " is 64 lower-case hex digits");
    }
    return text;
  }

  /** The query parameter {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} if absent. */
  static int limit(Context ctx) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    int limit = LIMIT.matcher(text).matches() ? Integer.parseInt(text) : 0;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ProblemException(400, "bad-parameter", "limit is a whole number from 1 to " + MAX_LIMIT
          + " (default " + DEFAULT_LIMIT + ")");
    }
    return limit;
  }
}
