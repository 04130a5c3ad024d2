package org.medledger.node.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.util.IModelVisitor2;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseExtension;
import org.hl7.fhir.r4.model.Consent;

/**
 * Refuses every element of a Consent that MedLedger would otherwise drop while it changes what
 * the consent means: a FHIR reader may ignore nothing that narrows or widens a consent. Allowed
 * are the elements {@link ConsentReader} reads, descriptive elements that do not change what is
 * permitted (id, meta, text, identifier, dateTime, performer, organization, source, verification:
 * kept in the JSON, not read), and one extension, R5's Consent.period. Everything else, e.g.
 * {@code provision.data}, {@code provision.dataPeriod}, {@code provision.code}, {@code policy},
 * {@code contained}, {@code implicitRules}, and every other extension or modifier extension, is
 * refused with its path.
 */
final class SupportedElements {
  private static final List<String> DESCRIPTIVE = List.of("Consent.id", "Consent.meta", "Consent.language",
      "Consent.text", "Consent.identifier", "Consent.dateTime", "Consent.performer", "Consent.organization",
      "Consent.source", "Consent.verification");
  private static final List<String> CODING = List.of("", ".system", ".code", ".display", ".version", ".userSelected");
  private static final List<String> REFERENCE = List.of("", ".reference", ".type", ".display", ".identifier",
      ".identifier.system", ".identifier.value");
  private static final Set<String> READ = new HashSet<>();
  /** Nested provisions have the elements of their parent: provision.provision.actor is read as provision.actor. */
  private static final Pattern NESTED_PROVISIONS = Pattern.compile("(\\.provision)+");

  static {
    READ.addAll(List.of("Consent.status", "Consent.extension.url", "Consent.extension.value",
        "Consent.extension.value.start", "Consent.extension.value.end", "Consent.provision",
        "Consent.provision.type", "Consent.provision.period", "Consent.provision.period.start",
        "Consent.provision.period.end", "Consent.provision.actor"));
    concept("Consent.scope");
    concept("Consent.category");
    concept("Consent.policyRule");
    concept("Consent.provision.actor.role");
    concept("Consent.provision.action");
    REFERENCE.forEach(suffix -> READ.add("Consent.patient" + suffix));
    REFERENCE.forEach(suffix -> READ.add("Consent.provision.actor.reference" + suffix));
    CODING.forEach(suffix -> READ.add("Consent.provision.securityLabel" + suffix));
    CODING.forEach(suffix -> READ.add("Consent.provision.purpose" + suffix));
    CODING.forEach(suffix -> READ.add("Consent.provision.class" + suffix));
  }

  private SupportedElements() {}

  private static void concept(String path) {
    READ.add(path);
    READ.add(path + ".text");
    CODING.forEach(suffix -> READ.add(path + ".coding" + suffix));
  }

  /** @throws FhirConsentException naming the first element MedLedger cannot enforce */
  static void check(Consent consent) {
    FhirJson.terser().visit(consent, new Checker());
  }

  private static final class Checker implements IModelVisitor2 {
    @Override
    public boolean acceptElement(IBase element, List<IBase> containing, List<BaseRuntimeChildDefinition> children,
        List<BaseRuntimeElementDefinition<?>> definitions) {
      if (children.isEmpty()) {
        return true; // the resource itself
      }
      String name = children.get(children.size() - 1).getElementName();
      String path = path(children);
      if (name.equals("modifierExtension")) {
        throw FhirConsentException.at(indexedPath(containing, children),
            "modifier extensions are not supported: MedLedger cannot enforce them");
      }
      if (name.equals("extension")) {
        String url = ((IBaseExtension<?, ?>) element).getUrl();
        if (path.equals("Consent.extension") && Vocabulary.CONSENT_PERIOD_EXTENSION.equals(url)) {
          return true;
        }
        throw FhirConsentException.at(indexedPath(containing, children), "extension '" + url
            + "' is not supported (the only one read is " + Vocabulary.CONSENT_PERIOD_EXTENSION + " on Consent)");
      }
      if (DESCRIPTIVE.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "."))) {
        return true;
      }
      if (!READ.contains(NESTED_PROVISIONS.matcher(path).replaceAll(".provision"))) {
        throw FhirConsentException.at(indexedPath(containing, children), "not supported: MedLedger cannot "
            + "enforce it, and ignoring it would change what the consent means");
      }
      return true;
    }
  }

  /** E.g. {@code Consent.provision.actor.role}: element names, provisions as deep as they nest. */
  private static String path(List<BaseRuntimeChildDefinition> children) {
    StringBuilder path = new StringBuilder("Consent");
    for (BaseRuntimeChildDefinition child : children) {
      path.append('.').append(child.getElementName());
    }
    return path.toString();
  }

  /** E.g. {@code Consent.provision.provision[1].actor[0].role}: the path with positions in repeated elements. */
  private static String indexedPath(List<IBase> containing, List<BaseRuntimeChildDefinition> children) {
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      BaseRuntimeChildDefinition child = children.get(i);
      String step = child.getElementName();
      if (child.getMax() != 1 && i + 1 < containing.size()) {
        List<? extends IBase> values = child.getAccessor().getValues(containing.get(i));
        IBase value = containing.get(i + 1);
        for (int index = 0; index < values.size(); index++) {
          if (values.get(index) == value) {
            step += "[" + index + "]";
            break;
          }
        }
      }
      steps.add(step);
    }
    return "Consent." + String.join(".", steps);
  }
}
