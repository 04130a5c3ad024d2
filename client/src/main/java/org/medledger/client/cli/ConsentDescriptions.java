package org.medledger.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;

/** Consents in words, one provision per line: "permit dr-alice@st-mary: read; for TREAT; Observation". */
final class ConsentDescriptions {
  private ConsentDescriptions() {}

  /** A provision and its exceptions, in one line. */
  static String describe(Provision provision) {
    List<String> parts = new ArrayList<>();
    parts.add(provision.type().name().toLowerCase(java.util.Locale.ROOT) + " "
        + join(provision.actors(), Party::toString, "anyone"));
    parts.add(join(provision.actions(), Action::id, "any action"));
    parts.add("for " + join(provision.purposes(), PurposeOfUse::code, "any purpose"));
    parts.add(join(provision.classes(), DataClass::fhirType, "any data"));
    if (!provision.labels().isEmpty()) {
      parts.add("labelled " + join(provision.labels(), SecurityLabel::code, ""));
    }
    String nested = provision.provisions().stream().map(ConsentDescriptions::describe)
        .collect(Collectors.joining("; ", " (except: ", ")"));
    return String.join("; ", parts) + (provision.provisions().isEmpty() ? "" : nested);
  }

  /** A provision as the node's API gives it, and its nested provisions indented below it. */
  static void printProvision(PrintWriter out, JsonNode provision, String indent) {
    if (provision.isMissingNode() || provision.isNull()) {
      return;
    }
    out.println(indent + provision.path("type").asText() + " " + list(provision.path("actors"), "anyone") + "; "
        + list(provision.path("actions"), "any action") + "; for " + list(provision.path("purposes"), "any purpose")
        + "; " + list(provision.path("classes"), "any data")
        + (provision.path("labels").isEmpty() ? "" : "; labelled " + list(provision.path("labels"), ""))
        + (provision.hasNonNull("period") ? " " + period(provision.path("period")) : ""));
    for (JsonNode nested : provision.path("provisions")) {
      printProvision(out, nested, indent + "  except ");
    }
  }

  /** A period as the API gives it: [start, end), open ends shown as such. */
  static String period(JsonNode period) {
    String start = period.hasNonNull("start") ? period.path("start").asText() : "-inf";
    String end = period.hasNonNull("end") ? period.path("end").asText() : "+inf";
    return "[" + start + ", " + end + ")";
  }

  private static String list(JsonNode values, String none) {
    List<String> texts = new ArrayList<>();
    values.forEach(v -> texts.add(v.asText()));
    return texts.isEmpty() ? none : String.join(", ", texts);
  }

  private static <T> String join(Collection<T> values, Function<T, String> name, String none) {
    return values.isEmpty() ? none : values.stream().map(name).sorted().collect(Collectors.joining(", "));
  }
}
