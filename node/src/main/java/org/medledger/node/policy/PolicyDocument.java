package org.medledger.node.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.policy.AccessBasis;
import org.medledger.contracts.policy.AccessRule;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.pki.PkiException;
import org.medledger.pki.Role;

/**
 * The access policy as a JSON document people read and edit: what {@code GET /v1/policy} serves
 * and what {@code medledger governance propose --policy FILE} reads.
 *
 * <pre>
 * {
 *   "breakGlassDuration" : "PT4H",
 *   "reviewDeadline" : "PT72H",
 *   "sensitiveLabels" : [ "ETH", "GDIS", "HIV", "PSY" ],
 *   "rules" : [ { "role" : "physician", "purpose" : "TREAT", "basis" : "care",
 *                 "classes" : [ "AllergyIntolerance", … ], "actions" : [ "read", … ] }, … ]
 * }
 * </pre>
 *
 * Reading is strict: an unknown field, role, purpose, basis, class, label or action, a duplicate
 * cell, or a non-positive duration is refused with a message naming it. A role and purpose
 * without a rule is denied.
 */
public final class PolicyDocument {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  /** The document's shape. */
  public record Document(String breakGlassDuration, String reviewDeadline, List<String> sensitiveLabels,
      List<Rule> rules) {}

  /** One cell of the matrix. */
  public record Rule(String role, String purpose, String basis, List<String> classes, List<String> actions) {}

  private PolicyDocument() {}

  /** The document for a policy, cells in role then purpose order, sets sorted: the same policy gives the same text. */
  public static Document of(PolicyParameters policy) {
    List<Rule> rules = new ArrayList<>();
    policy.matrix().forEach((role, row) -> row.forEach((purpose, rule) -> rules.add(new Rule(role.id(), purpose.code(),
        PolicyParametersCodec.basisCode(rule.basis()), sorted(rule.classes(), DataClass::fhirType),
        sorted(rule.actions(), Action::id)))));
    return new Document(policy.breakGlassDuration().toString(), policy.reviewDeadline().toString(),
        sorted(policy.sensitiveLabels(), SecurityLabel::code), rules);
  }

  public static String toJson(PolicyParameters policy) {
    try {
      return JSON.writeValueAsString(of(policy)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the policy cannot be written as JSON", e);
    }
  }

  /** Reads a policy document; an {@link IllegalArgumentException} says what is wrong. */
  public static PolicyParameters parse(String json) {
    Document document;
    try {
      document = JSON.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a policy document: " + e.getOriginalMessage());
    }
    if (document == null || document.rules() == null || document.breakGlassDuration() == null
        || document.reviewDeadline() == null || document.sensitiveLabels() == null) {
      throw new IllegalArgumentException(
          "a policy document needs breakGlassDuration, reviewDeadline, sensitiveLabels and rules");
    }
    Map<Role, Map<PurposeOfUse, AccessRule>> matrix = new EnumMap<>(Role.class);
    for (Rule rule : document.rules()) {
      if (rule == null || rule.role() == null || rule.purpose() == null || rule.basis() == null) {
        throw new IllegalArgumentException("every rule needs role, purpose, basis, classes and actions");
      }
      Role role = role(rule.role());
      PurposeOfUse purpose = PurposeOfUse.parse(rule.purpose());
      String cell = "the rule of " + role.id() + " for " + purpose.code();
      AccessRule parsed = AccessRule.of(basis(rule.basis(), cell), values(rule.classes(), DataClass::parse, cell),
          values(rule.actions(), Action::parse, cell));
      if (matrix.computeIfAbsent(role, r -> new EnumMap<>(PurposeOfUse.class)).put(purpose, parsed) != null) {
        throw new IllegalArgumentException(cell + " appears twice");
      }
    }
    return new PolicyParameters(matrix, duration(document.breakGlassDuration(), "breakGlassDuration"),
        Set.copyOf(values(document.sensitiveLabels(), SecurityLabel::parse, "sensitiveLabels")),
        duration(document.reviewDeadline(), "reviewDeadline"));
  }

  private static Role role(String id) {
    try {
      return Role.parse(id);
    } catch (PkiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static AccessBasis basis(String code, String cell) {
    try {
      return PolicyParametersCodec.basis(code);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(cell + ": unknown basis '" + code + "' (one of: "
          + String.join(", ", sorted(Set.of(AccessBasis.values()), PolicyParametersCodec::basisCode)) + ")");
    }
  }

  private static Duration duration(String text, String field) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not an ISO-8601 duration such as PT4H");
    }
  }

  private static <T> List<T> values(List<String> texts, Function<String, T> parse, String where) {
    if (texts == null) {
      throw new IllegalArgumentException(where + " has no list");
    }
    List<T> values = new ArrayList<>();
    for (String text : texts) {
      values.add(parse.apply(text));
    }
    return values;
  }

  private static <T> List<String> sorted(Set<T> values, Function<T, String> name) {
    return values.stream().map(name).sorted().toList();
  }
}
