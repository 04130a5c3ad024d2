package org.medledger.client.network;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.node.GenesisFile;
import org.medledger.node.config.NodeConfig;
import org.medledger.node.config.NodeConfigFile;
import org.medledger.pki.CaRecords;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Registrar;
import org.medledger.pki.Role;
import org.medledger.pki.ValidityPolicy;

/**
 * Creates a network directory: one self-signed CA per organisation, each organisation's registrar
 * (admin) wallet, the validators' identities and TLS certificates, and the genesis file. Everything
 * is written to a temporary sibling directory that is renamed into place at the end, so a failure
 * leaves nothing behind and an existing directory is never touched.
 */
public final class NetworkInitializer {
  public static final String ADMIN = "admin";
  public static final int DEFAULT_API_PORT = 8441;
  public static final int DEFAULT_CONSENSUS_PORT = 9441;

  /** What to create; validator i listens on {@code firstApiPort + i} (HTTPS) and {@code firstConsensusPort + i}. */
  public record Options(
      List<OrganisationId> organisations, int validators, ValidityPolicy policy, List<String> tlsHosts,
      SignatureScheme keyScheme, int firstApiPort, int firstConsensusPort) {
    public Options {
      organisations = List.copyOf(organisations);
      tlsHosts = List.copyOf(tlsHosts);
      if (organisations.isEmpty()) {
        throw new IllegalArgumentException("at least one organisation is needed");
      }
      if (new LinkedHashSet<>(organisations).size() != organisations.size()) {
        throw new IllegalArgumentException("organisation ids must be distinct");
      }
      if (validators < 1 || validators > 64) {
        throw new IllegalArgumentException("the number of validators must be between 1 and 64");
      }
      if (firstApiPort < 1024 || firstApiPort + validators > 65536) {
        throw new IllegalArgumentException("API ports must lie between 1024 and 65535");
      }
      if (firstConsensusPort < 1024 || firstConsensusPort + validators > 65536) {
        throw new IllegalArgumentException("consensus ports must lie between 1024 and 65535");
      }
      if (firstApiPort < firstConsensusPort + validators && firstConsensusPort < firstApiPort + validators) {
        throw new IllegalArgumentException("the API ports and the consensus ports overlap");
      }
    }

    public Options(List<OrganisationId> organisations, int validators, ValidityPolicy policy, List<String> tlsHosts,
        SignatureScheme keyScheme, int firstApiPort) {
      this(organisations, validators, policy, tlsHosts, keyScheme, firstApiPort, DEFAULT_CONSENSUS_PORT);
    }

    public static Options defaults(List<OrganisationId> organisations, int validators) {
      return new Options(organisations, validators, ValidityPolicy.DEFAULT, List.of("localhost", "127.0.0.1"),
          SignatureScheme.ECDSA_P256_SHA256, DEFAULT_API_PORT, DEFAULT_CONSENSUS_PORT);
    }
  }

  private NetworkInitializer() {}

  private static String validatorId(int index) {
    return "validator-" + (index + 1);
  }

  public static Genesis init(Path out, Options options, Passphrase passphrase, Instant now, Consumer<String> progress) {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new NetworkFileException(out + " already exists; refusing to overwrite it");
    }
    Path staging = target.resolveSibling("." + target.getFileName() + ".partial-" + randomHex(4));
    try {
      Genesis genesis = build(new NetworkLayout(staging), options, passphrase, now, progress);
      Files.move(staging, target);
      return genesis;
    } catch (FileAlreadyExistsException e) {
      throw new NetworkFileException(out + " already exists; refusing to overwrite it");
    } catch (IOException e) {
      throw new NetworkFileException("cannot create " + out + ": " + e.getMessage(), e);
    } finally {
      deleteRecursively(staging);
    }
  }

  private static Genesis build(
      NetworkLayout layout, Options options, Passphrase passphrase, Instant now, Consumer<String> progress) {
    List<Genesis.Organisation> organisations = new ArrayList<>();
    List<AuthorityStore> stores = new ArrayList<>();
    List<Registrar> registrars = new ArrayList<>();
    for (OrganisationId org : options.organisations()) {
      progress.accept("creating the certificate authority of " + org);
      KeyPair keys = options.keyScheme().generateKeyPair();
      CertificateAuthority authority = CertificateAuthority.createRoot(org, keys, now, options.policy().authority());
      AuthorityStore store = AuthorityStore.create(layout, authority,
          new AuthorityState(options.policy(), CaRecords.EMPTY), passphrase, keys.getPrivate());
      Registrar registrar = new Registrar(authority, options.policy());
      Wallet admin = enroll(store, registrar, IdentityClaims.of(ADMIN, Role.REGISTRAR, org), options.keyScheme(), now);
      admin.writeNew(layout.adminWallet(org), passphrase);
      organisations.add(new Genesis.Organisation(org.value(), Pem.write(authority.certificate()),
          Pem.write(admin.certificate())));
      stores.add(store);
      registrars.add(registrar);
    }
    List<Genesis.Validator> validators = new ArrayList<>();
    java.util.SortedMap<String, String> peers = new java.util.TreeMap<>();
    for (int i = 0; i < options.validators(); i++) {
      peers.put(validatorId(i), "127.0.0.1:" + (options.firstConsensusPort() + i));
    }
    for (int i = 0; i < options.validators(); i++) {
      int o = i % stores.size();
      String id = validatorId(i);
      progress.accept("creating " + id + " of " + stores.get(o).organisation());
      validators.add(createValidator(layout, stores.get(o), registrars.get(o), id, options, passphrase, now));
      NodeConfig.Consensus consensus = new NodeConfig.Consensus(
          new NodeConfig.Listen("127.0.0.1", options.firstConsensusPort() + i), peers, Path.of("raft"));
      AtomicFiles.writeNew(layout.nodeConfig(id), NodeConfigFile.write(new NodeConfig(id, Path.of("../../genesis.json"),
          layout.nodeWallet(id).getFileName(), layout.nodeTlsCertificate(id).getFileName(),
          layout.nodeTlsKey(id).getFileName(), Path.of("data"),
          new NodeConfig.Listen("127.0.0.1", options.firstApiPort() + i), NodeConfig.Batch.DEFAULT, consensus)), false);
    }
    for (int o = 0; o < stores.size(); o++) {
      Registrar registrar = registrars.get(o);
      stores.get(o).writeCrl(stores.get(o).update(records -> registrar.crl(records, now, options.policy().crl())));
    }
    Genesis genesis = new Genesis(Genesis.FORMAT, "medledger-" + randomHex(8), now, organisations, validators);
    AtomicFiles.writeNew(layout.genesis(), GenesisFile.write(genesis), false);
    return genesis;
  }

  private static Genesis.Validator createValidator(
      NetworkLayout layout, AuthorityStore store, Registrar registrar, String id, Options options,
      Passphrase passphrase, Instant now) {
    String secret = register(store, registrar, IdentityClaims.of(id, Role.VALIDATOR, store.organisation()), now);
    return enrollValidator(layout, store, registrar, id, secret, options.keyScheme(), options.tlsHosts(), passphrase,
        now, Enrollment.IN_GENESIS);
  }

  /**
   * Enrolls a registered validator: its signing and TLS key pairs are generated here, their
   * certificates issued by its organisation's CA ({@code publish} sees the signing certificate
   * first, as in {@link Enrollment#enroll}), and its wallet, TLS certificate and key written
   * under {@code nodes/<id>/}, keys encrypted with the passphrase.
   */
  public static Genesis.Validator enrollValidator(NetworkLayout layout, AuthorityStore store, Registrar registrar,
      String id, String secret, SignatureScheme scheme, List<String> tlsHosts, Passphrase passphrase, Instant now,
      Consumer<X509Certificate> publish) {
    Wallet wallet = Enrollment.enroll(store, registrar, id, secret, scheme, now, publish);
    wallet.writeNew(layout.nodeWallet(id), passphrase);
    KeyPair tlsKeys = scheme.generateKeyPair();
    X509Certificate tls = store.update(records -> registrar.issueTls(records, id, tlsKeys.getPublic(), tlsHosts, now));
    AtomicFiles.writeNew(layout.nodeTlsCertificate(id), Pem.write(tls, registrar.authority().certificate()), false);
    AtomicFiles.writeNew(layout.nodeTlsKey(id), EncryptedPrivateKeys.toPem(tlsKeys.getPrivate(), passphrase), true);
    return new Genesis.Validator(id, store.organisation().value(), Pem.write(wallet.certificate()), Pem.write(tls));
  }

  /** Registers and enrolls an identity whose key pair is generated here, for its owner. */
  private static Wallet enroll(
      AuthorityStore store, Registrar registrar, IdentityClaims claims, SignatureScheme scheme, Instant now) {
    return Enrollment.enroll(store, registrar, claims.name(), register(store, registrar, claims, now), scheme, now,
        Enrollment.IN_GENESIS);
  }

  private static String register(AuthorityStore store, Registrar registrar, IdentityClaims claims, Instant now) {
    return store.update(records -> Registrar.register(records, store.organisation(), claims, now,
        registrar.policy().enrollmentSecret()));
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new NetworkFileException("cannot clean up " + dir + ": " + e.getMessage(), e);
    }
  }
}
