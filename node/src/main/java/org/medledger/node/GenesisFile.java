package org.medledger.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.medledger.ledger.genesis.Genesis;

/**
 * Reads {@code genesis.json} the way {@code network init} writes it: strict (unknown keys and
 * missing numbers are errors), times as ISO-8601.
 */
public final class GenesisFile {
  /** Configured once here, never changed: safe to share. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private GenesisFile() {}

  /** @throws NodeStartException if the file is missing, unreadable or not a genesis */
  public static Genesis read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new NodeStartException("genesis file " + file + " does not exist");
    } catch (IOException e) {
      throw new NodeStartException("cannot read genesis file " + file + ": " + e.getMessage());
    }
    try {
      return JSON.readValue(text, Genesis.class);
    } catch (JsonProcessingException e) {
      throw new NodeStartException(file + " is not a valid genesis file: " + e.getOriginalMessage());
    }
  }

  public static String write(Genesis genesis) {
    try {
      return JSON.writeValueAsString(genesis) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON encoding failed", e);
    }
  }
}
