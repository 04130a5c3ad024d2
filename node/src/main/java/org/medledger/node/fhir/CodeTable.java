package org.medledger.node.fhir;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Coding;

/**
 * A one-to-one map between the constants of a MedLedger enum and FHIR codings (system and code),
 * for writing codings and for reading them back with an error that names the element.
 */
final class CodeTable<E extends Enum<E>> {
  /** A FHIR code in its code system. */
  record Code(String system, String code) {
    @Override
    public String toString() {
      return system + "|" + code;
    }
  }

  private final String what;
  private final Map<E, Code> codes;
  private final Map<Code, E> constants = new LinkedHashMap<>();

  private CodeTable(String what, Map<E, Code> codes) {
    this.what = what;
    this.codes = codes;
    codes.forEach((constant, code) -> {
      if (constants.put(code, constant) != null) {
        throw new IllegalStateException(what + ": code " + code + " is mapped twice");
      }
    });
  }

  /** Every constant of {@code type} has a code in {@code system}, given by {@code code}. */
  static <E extends Enum<E>> CodeTable<E> of(
      String what, Class<E> type, java.util.function.Function<E, Code> code) {
    Map<E, Code> codes = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      codes.put(constant, code.apply(constant));
    }
    return new CodeTable<>(what, codes);
  }

  Coding coding(E constant) {
    Code code = codes.get(constant);
    return new Coding().setSystem(code.system()).setCode(code.code());
  }

  /** The constant {@code coding} stands for; refuses an unknown system or code (exact, case-sensitive). */
  E constant(Coding coding, String path) {
    if (!coding.hasSystem() || !coding.hasCode()) {
      throw FhirConsentException.at(path, "a " + what + " coding needs a system and a code");
    }
    E constant = constants.get(new Code(coding.getSystem(), coding.getCode()));
    if (constant != null) {
      return constant;
    }
    Set<String> systems = constants.keySet().stream().map(Code::system).collect(Collectors.toCollection(TreeSet::new));
    if (!systems.contains(coding.getSystem())) {
      throw FhirConsentException.at(path + ".system", "unknown coding system '" + coding.getSystem()
          + "' for a " + what + " (expected " + String.join(" or ", systems) + ")");
    }
    throw FhirConsentException.at(path + ".code", "unknown " + what + " code '" + coding.getCode()
        + "' in " + coding.getSystem() + " (one of: "
        + constants.keySet().stream().filter(c -> c.system().equals(coding.getSystem()))
            .map(Code::code).collect(Collectors.joining(", ")) + ")");
  }
}
