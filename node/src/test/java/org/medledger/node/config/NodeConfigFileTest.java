package org.medledger.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigFileTest {
  @TempDir Path dir;

  private final NodeConfig config = new NodeConfig("validator-1", Path.of("../../genesis.json"), Path.of("node.wallet.pem"),
      Path.of("tls.crt"), Path.of("tls.key"), Path.of("data"), new NodeConfig.Listen("127.0.0.1", 8441),
      NodeConfig.Batch.DEFAULT);

  @Test
  void aWrittenConfigurationKeepsRelativePathsAndReadsBackResolvedAgainstItsDirectory() throws Exception {
    String yaml = NodeConfigFile.write(config);
    assertThat(yaml).contains("genesis: \"../../genesis.json\"").doesNotContain("file:");
    Path file = dir.resolve("nodes/validator-1/node.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    NodeConfig read = NodeConfigFile.read(file);
    assertThat(read.genesis().normalize()).isEqualTo(dir.resolve("genesis.json"));
    assertThat(read.data()).isEqualTo(file.getParent().resolve("data"));
    assertThat(read.api()).isEqualTo(config.api());
    assertThat(read.batch()).isEqualTo(NodeConfig.Batch.DEFAULT);
  }

  @Test
  void unknownKeysMissingFieldsAndBadPortsAreClearErrors() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, NodeConfigFile.write(config).replace("data:", "dta:"));
    assertThatThrownBy(() -> NodeConfigFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid node configuration");
    Files.writeString(file, NodeConfigFile.write(config).replace("8441", "70000"));
    assertThatThrownBy(() -> NodeConfigFile.read(file)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> NodeConfigFile.read(dir.resolve("missing.yaml"))).hasMessageContaining("does not exist");
  }
}
