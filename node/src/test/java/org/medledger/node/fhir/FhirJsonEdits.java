package org.medledger.node.fhir;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medledger.contracts.consent.ConsentGrant;

/** Edits of a written Consent's JSON by JSON pointer, to make the inputs the reader must refuse. */
final class FhirJsonEdits {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode root;

  private FhirJsonEdits(ObjectNode root) {
    this.root = root;
  }

  static FhirJsonEdits of(ConsentGrant grant) {
    try {
      return new FhirJsonEdits((ObjectNode) JSON.readTree(ConsentResources.toJson(grant)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets (or, in an array at its end, appends) the value at {@code pointer}, given as JSON; parents are made. */
  FhirJsonEdits set(String pointer, String valueJson) {
    JsonNode value;
    try {
      value = JSON.readTree(valueJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(valueJson, e);
    }
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = container(path.head(), path.last().getMatchingProperty());
    String name = path.last().getMatchingProperty();
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(name);
      if (index == array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    } else {
      ((ObjectNode) parent).set(name, value);
    }
    return this;
  }

  FhirJsonEdits remove(String pointer) {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = root.at(path.head());
    String name = path.last().getMatchingProperty();
    if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(name));
    } else {
      ((ObjectNode) parent).remove(name);
    }
    return this;
  }

  String json() {
    return root.toPrettyString();
  }

  private JsonNode container(JsonPointer pointer, String childName) {
    JsonNode node = root.at(pointer);
    if (!node.isMissingNode()) {
      return node;
    }
    JsonNode parent = container(pointer.head(), pointer.last().getMatchingProperty());
    String name = pointer.last().getMatchingProperty();
    JsonNode made = childName.chars().allMatch(Character::isDigit) ? JSON.createArrayNode() : JSON.createObjectNode();
    if (parent instanceof ArrayNode array) {
      array.add(made);
    } else {
      ((ObjectNode) parent).set(name, made);
    }
    return made;
  }
}
