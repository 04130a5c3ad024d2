package org.medledger.bench.load;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.medledger.client.network.NetworkInitializer;
import org.medledger.client.network.NetworkLayout;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.pki.OrganisationId;

/**
 * A network directory for load runs, made by the same {@link NetworkInitializer} as
 * {@code medledger network init}: N organisations (each with its registrar, whose wallet signs the
 * load), validators with node.yaml, all keys of one scheme. Keys are encrypted with
 * {@code MEDLEDGER_PASSPHRASE}, or the bench passphrase if unset.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.medledger.bench.load.BenchNetwork --out DIR [--orgs 4] [--validators 1] [--key ec|rsa] \
 *     [--consensus-port 9441]
 * </pre>
 *
 * Validator i replicates on port {@code --consensus-port + i} ({@link BenchValidators} and
 * {@link BenchNode} listen there), so that runs beside another network need another port.
 */
public final class BenchNetwork {
  static final String DEFAULT_PASSPHRASE = "medledger-bench";
  static final String VALIDATOR = "validator-1";

  private BenchNetwork() {}

  public static void main(String[] args) {
    Args a = new Args(args);
    Path out = Path.of(a.required("--out"));
    int orgs = a.intValue("--orgs", 4);
    int validators = a.intValue("--validators", 1);
    SignatureScheme scheme = scheme(a.value("--key", "ec"));
    int consensusPort = a.intValue("--consensus-port", NetworkInitializer.DEFAULT_CONSENSUS_PORT);
    a.done();
    Genesis genesis = create(out, orgs, validators, scheme, consensusPort);
    System.out.printf("network %s: chain %s, %d organisations, %d validator(s), %s keys%n", out, genesis.chainId(),
        orgs, validators, scheme);
  }

  static Genesis create(Path out, int organisations, int validators, SignatureScheme scheme) {
    return create(out, organisations, validators, scheme, NetworkInitializer.DEFAULT_CONSENSUS_PORT);
  }

  static Genesis create(Path out, int organisations, int validators, SignatureScheme scheme, int firstConsensusPort) {
    List<OrganisationId> orgs = new ArrayList<>(IntStream.rangeClosed(1, organisations)
        .mapToObj(i -> OrganisationId.of("org-" + i)).toList());
    NetworkInitializer.Options defaults = NetworkInitializer.Options.defaults(orgs, validators);
    NetworkInitializer.Options options = new NetworkInitializer.Options(orgs, validators, defaults.policy(),
        defaults.tlsHosts(), scheme, defaults.firstApiPort(), firstConsensusPort);
    return NetworkInitializer.init(out, options, passphrase(), Instant.now(), line -> { });
  }

  static SignatureScheme scheme(String key) {
    return switch (key) {
      case "ec" -> SignatureScheme.ECDSA_P256_SHA256;
      case "rsa" -> SignatureScheme.RSA_3072_PSS_SHA256;
      default -> throw new IllegalArgumentException("--key is ec or rsa, not " + key);
    };
  }

  static Passphrase passphrase() {
    String env = System.getenv("MEDLEDGER_PASSPHRASE");
    return Passphrase.of((env == null || env.isEmpty() ? DEFAULT_PASSPHRASE : env).toCharArray());
  }

  static NetworkLayout layout(Path network) {
    return new NetworkLayout(network);
  }

  static Path nodeConfig(Path network) {
    return layout(network).nodeConfig(VALIDATOR);
  }
}
