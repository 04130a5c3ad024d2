package org.medledger.node.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.util.FhirTerser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI FHIR R4 JSON: one {@link FhirContext} for the JVM, made on first use (building it scans the
 * model classes and takes a second or more; once built it is thread-safe). Parsers are cheap and
 * not thread-safe, so each call makes its own.
 *
 * <p>Parsing is strict: the text must be one JSON object with unique keys (a repeated key would
 * make the hashed text mean different things to different parsers), and HAPI's
 * {@link StrictErrorHandler} refuses unknown or misspelled elements and invalid values.
 */
final class FhirJson {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private FhirJson() {}

  /** Initialised on first use, by the class loader: thread-safe without locks. */
  private static final class Holder {
    static final FhirContext R4 = FhirContext.forR4();
  }

  static FhirContext context() {
    return Holder.R4;
  }

  static FhirTerser terser() {
    return Holder.R4.newTerser();
  }

  /** Pretty-printed JSON, elements in FHIR's order, lines ending in {@code \n}. */
  static String encode(IBaseResource resource) {
    return Holder.R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
  }

  /** The resource {@code json} holds; refuses text that is not a FHIR R4 resource in JSON. */
  static IBaseResource parse(String json) {
    if (json == null || json.isBlank()) {
      throw new FhirConsentException("no FHIR Consent given: the text is empty");
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FhirConsentException("not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr() + ")"));
    }
    if (!tree.isObject()) {
      throw new FhirConsentException("not a FHIR Consent: the JSON is not an object");
    }
    JsonNode type = tree.get("resourceType");
    if (type == null || !type.isTextual()) {
      throw new FhirConsentException("not a FHIR resource: the JSON object has no resourceType");
    }
    if (!"Consent".equals(type.textValue())) {
      throw new FhirConsentException("not a FHIR Consent: resourceType is '" + type.textValue() + "'");
    }
    IParser parser = Holder.R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    try {
      return parser.parseResource(json);
    } catch (DataFormatException e) {
      throw new FhirConsentException("not a valid FHIR R4 Consent: " + withoutHapiCode(e.getMessage()), e);
    }
  }

  /** HAPI prefixes its messages with codes such as {@code HAPI-1825: }; users need only the words. */
  private static String withoutHapiCode(String message) {
    return message == null ? "" : message.replaceAll("HAPI-\\d+: ", "");
  }
}
