package org.medledger.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code node.yaml}. Unknown keys are errors: a typo must not pass silently. */
public final class NodeConfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // Paths stay as written (relative to the file), not as absolute URIs.
      .registerModule(new SimpleModule().addSerializer(Path.class, new ToStringSerializer(Path.class)));

  private NodeConfigFile() {}

  /** Reads a configuration and resolves its paths against the file's directory. */
  public static NodeConfig read(Path file) {
    try {
      NodeConfig config = YAML.readValue(Files.readString(file), NodeConfig.class);
      return config.resolvedAgainst(file.toAbsolutePath().getParent());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a valid node configuration: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }

  public static String write(NodeConfig config) {
    try {
      return YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("YAML encoding failed", e);
    }
  }
}
