package org.medledger.client.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.medledger.client.network.AtomicFiles;
import org.medledger.client.network.AuthorityStore;
import org.medledger.client.network.Enrollment;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.client.network.NetworkLayout;
import org.medledger.client.network.NetworkNodes;
import org.medledger.client.sdk.CommittedTransaction;
import org.medledger.client.sdk.NodeClient;
import org.medledger.ledger.Digest;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.client.network.Wallet;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.pki.CaRecords;
import org.medledger.pki.CertificateValidator;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IssuedCertificate;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Registrar;
import org.medledger.pki.Revocation;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.RevocationStatus;
import org.medledger.pki.Role;
import org.medledger.pki.ValidationResult;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medledger ca ...}: an organisation's certificate authority. */
@Command(name = "ca", description = "Register, enroll and revoke identities; publish CRLs; verify certificates.",
    subcommands = {CaCommand.Register.class, CaCommand.Enroll.class, CaCommand.Revoke.class, CaCommand.Crl.class,
        CaCommand.Verify.class})
final class CaCommand {

  /** --network and --org, shared by the commands that act for one organisation. */
  static final class OrganisationOptions {
    @Option(names = "--network", required = true, paramLabel = "DIR", description = "The network directory.")
    Path network;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organisation whose CA acts.")
    String organisation;

    NetworkLayout layout() {
      return new NetworkLayout(network);
    }

    OrganisationId organisationId() {
      return OrganisationId.of(organisation);
    }

    /** Checks the network and the organisation exist before anything else happens. */
    AuthorityStore store() {
      OrganisationId org = organisationId();
      layout().readGenesis().organisation(org);
      return new AuthorityStore(layout(), org);
    }
  }

  /** --node: where the registrar's transactions go (default: a running node of the network). */
  static final class NodeOption {
    @Option(names = "--node", paramLabel = "URL", description = {"The node to submit to, e.g. https://127.0.0.1:8441",
        "(default: the first running node configured in the network directory)."})
    URI node;

    /** A running node of the network: checked before anything changes. */
    NodeClient connect(OrganisationOptions target) {
      return new NetworkNodes(target.layout()).connect(Optional.ofNullable(node));
    }
  }

  /** The key types a member may choose for their key pair. */
  enum KeyType {
    EC(SignatureScheme.ECDSA_P256_SHA256),
    RSA(SignatureScheme.RSA_3072_PSS_SHA256);

    final SignatureScheme scheme;

    KeyType(SignatureScheme scheme) {
      this.scheme = scheme;
    }
  }

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = {"Register an identity on chain (signed by the organisation's registrar, through a",
          "running node) and print its one-time enrollment secret."})
  static final class Register implements Runnable {
    @Spec CommandSpec spec;
    @Mixin OrganisationOptions target;
    @Mixin NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--name", required = true, description = "The identity's name within the organisation.")
    String name;

    @Option(names = "--role", required = true, description = "One of: patient, physician, nurse, pharmacist, "
        + "insurer, researcher, auditor, registrar, validator.")
    String role;

    @Option(names = "--attr", paramLabel = "KEY=VALUE", description = "An attribute, e.g. department=cardiology.")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Option(names = "--secret-ttl", converter = DurationConverter.class,
        description = "How long the secret stays valid (default: the CA's policy, 24h).")
    Duration secretLifetime;

    Register(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      AuthorityStore store = target.store();
      IdentityClaims claims = new IdentityClaims(name, Role.parse(role), store.organisation(),
          new java.util.TreeMap<>(attributes));
      Duration lifetime = secretLifetime == null ? store.state().policy().enrollmentSecret() : secretLifetime;
      Instant now = context.clock().instant();
      NodeClient node = nodeOption.connect(target);
      RegistrarTransactions chain = new RegistrarTransactions(node, target.layout(), store.organisation(),
          context.passphrases().authority(store.organisation()));
      RegistrarTransactions.Registered registered = chain.register(store, claims, now, lifetime);
      Instant expires = now.plus(lifetime);
      PrintWriter out = spec.commandLine().getOut();
      out.println("registered '" + name + "' (" + claims.role().id() + ") at " + store.organisation() + "; "
          + RegistrarTransactions.describe(registered.committed()));
      out.println("enrollment secret (one use, expires " + expires + "):");
      out.println(registered.secret());
      out.flush();
    }
  }

  @Command(name = "enroll", mixinStandardHelpOptions = true,
      description = {"Generate a key pair here, send a CSR with the one-time secret, and save the",
          "certificate and the encrypted key in a new wallet file."})
  static final class Enroll implements Runnable {
    @Spec CommandSpec spec;
    @Mixin OrganisationOptions target;
    @Mixin NodeOption nodeOption;
    private final CliContext context;

    @Option(names = "--name", required = true, description = "The registered name.")
    String name;

    @Option(names = "--secret", required = true, description = "The enrollment secret from 'ca register'.")
    String secret;

    @Option(names = "--wallet", required = true, paramLabel = "FILE", description = "New wallet file to write.")
    Path wallet;

    @Option(names = "--key", defaultValue = "ec", description = "Key type: ec (P-256) or rsa (3072) (default: ${DEFAULT-VALUE}).")
    KeyType keyType;

    Enroll(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      if (Files.exists(wallet)) {
        throw new CliException(wallet + " already exists; refusing to overwrite it");
      }
      requireWritableDirectoryFor(wallet);
      AuthorityStore store = target.store();
      NodeClient node = nodeOption.connect(target);
      store.records().registration(name).orElseThrow(() -> new CliException(
          "'" + name + "' is not registered at " + store.organisation()));
      Passphrase caPassphrase = context.passphrases().authority(store.organisation());
      RegistrarTransactions chain = new RegistrarTransactions(node, target.layout(), store.organisation(), caPassphrase);
      Registrar registrar = store.registrar(caPassphrase);
      Passphrase walletPassphrase = context.passphrases().forNewKeys("the wallet " + wallet);
      CommittedTransaction[] committed = new CommittedTransaction[1];
      Wallet enrolled = Enrollment.enroll(store, registrar, name, secret, keyType.scheme, context.clock().instant(),
          issued -> committed[0] = chain.recordCertificate(issued));
      enrolled.writeNew(wallet, walletPassphrase);
      X509Certificate certificate = enrolled.certificate();
      PrintWriter out = spec.commandLine().getOut();
      out.println("enrolled '" + name + "' at " + store.organisation() + ": certificate serial "
          + IssuedCertificate.serialHex(certificate.getSerialNumber()) + ", valid until "
          + certificate.getNotAfter().toInstant());
      out.println("certificate recorded " + RegistrarTransactions.describe(committed[0]));
      out.println("wallet written to " + wallet);
      out.flush();
    }

    /** Checked before the secret is spent: a wallet that cannot be written would lose the new key. */
    private static void requireWritableDirectoryFor(Path file) {
      Path dir = file.toAbsolutePath().getParent();
      while (dir != null && !Files.exists(dir)) {
        dir = dir.getParent();
      }
      if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new CliException("cannot write " + file + ": " + dir + " is not a writable directory");
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke an identity (all its certificates) or one certificate, and refresh the CRL.")
  static final class Revoke implements Runnable {
    @Spec CommandSpec spec;
    @Mixin OrganisationOptions target;
    @Mixin NodeOption nodeOption;
    private final CliContext context;

    @ArgGroup(multiplicity = "1")
    Selector selector;

    /** Exactly one of --name and --serial. */
    static final class Selector {
      @Option(names = "--name", description = "Revoke every certificate of this identity.")
      String name;

      @Option(names = "--serial", paramLabel = "HEX", description = "Revoke this certificate only.")
      String serial;
    }

    @Option(names = "--reason", required = true, description = "unspecified, key-compromise, affiliation-changed, "
        + "superseded, cessation-of-operation or privilege-withdrawn.")
    String reason;

    Revoke(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      RevocationReason why = RevocationReason.parse(reason);
      BigInteger serial = selector.serial == null ? null : parseSerial(selector.serial);
      AuthorityStore store = target.store();
      NodeClient node = nodeOption.connect(target);
      Passphrase caPassphrase = context.passphrases().authority(store.organisation());
      RegistrarTransactions chain = new RegistrarTransactions(node, target.layout(), store.organisation(), caPassphrase);
      Registrar registrar = store.registrar(caPassphrase);
      Instant now = context.clock().instant();
      CommittedTransaction[] committed = new CommittedTransaction[1];
      List<IssuedCertificate> revoked = store.update(records -> {
        if (serial == null) {
          Registrar.Outcome<List<IssuedCertificate>> outcome = registrar.revokeIdentity(records, selector.name, why, now);
          committed[0] = chain.commit(IdentityContract.REVOKE_IDENTITY, IdentityCodec.revokePayload(selector.name, why));
          return outcome;
        }
        Registrar.Outcome<IssuedCertificate> outcome = registrar.revokeCertificate(records, serial, why, now);
        Digest fingerprint = CertificateCodec.fingerprint(Pem.certificate(outcome.value().certificatePem()));
        committed[0] = chain.commit(IdentityContract.REVOKE, IdentityContract.revokePayload(fingerprint, why));
        return single(outcome);
      });
      X509CRL crl = store.update(records -> registrar.crl(records, now, store.state().policy().crl()));
      store.writeCrl(crl);
      PrintWriter out = spec.commandLine().getOut();
      for (IssuedCertificate certificate : revoked) {
        out.println("revoked certificate " + certificate.serial() + " of '" + certificate.name() + "' (" + why.id() + ")");
      }
      if (revoked.isEmpty()) {
        out.println("revoked '" + selector.name + "' (it held no certificate)");
      }
      out.println("revocation " + RegistrarTransactions.describe(committed[0]));
      out.println("CRL updated: " + target.layout().authorityCrl(store.organisation()));
      out.flush();
    }

    private static Registrar.Outcome<List<IssuedCertificate>> single(Registrar.Outcome<IssuedCertificate> outcome) {
      return new Registrar.Outcome<>(outcome.records(), List.of(outcome.value()));
    }

    private static BigInteger parseSerial(String hex) {
      try {
        return new BigInteger(hex.replace(":", ""), 16);
      } catch (NumberFormatException e) {
        throw new CliException("'" + hex + "' is not a hexadecimal serial number");
      }
    }
  }

  @Command(name = "crl", mixinStandardHelpOptions = true, description = "Write a freshly signed CRL.")
  static final class Crl implements Runnable {
    @Spec CommandSpec spec;
    @Mixin OrganisationOptions target;
    private final CliContext context;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the PEM CRL.")
    Path out;

    @Option(names = "--valid-for", converter = DurationConverter.class,
        description = "Time until the next update (default: the CA's policy, 7d).")
    Duration validity;

    Crl(CliContext context) {
      this.context = context;
    }

    @Override
    public void run() {
      AuthorityStore store = target.store();
      Registrar registrar = store.registrar(context.passphrases().authority(store.organisation()));
      Duration nextUpdate = validity == null ? store.state().policy().crl() : validity;
      X509CRL crl = store.update(records -> {
        Registrar.Outcome<X509CRL> signed = registrar.crl(records, context.clock().instant(), nextUpdate);
        AtomicFiles.write(out, Pem.write(signed.value()), false); // first: if it fails, the CRL number stays
        return signed;
      });
      store.writeCrl(crl);
      spec.commandLine().getOut().printf("CRL of %s (%d revoked, next update %s) written to %s%n",
          store.organisation(), crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size(),
          crl.getNextUpdate().toInstant(), out);
      spec.commandLine().getOut().flush();
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Check a certificate (or a wallet's) against the network's CAs: chain, validity and",
          "revocation. Exit code 0 if valid, 1 if not."})
  static final class Verify implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    private final CliContext context;

    @Parameters(paramLabel = "CERT", description = "A PEM certificate or wallet file.")
    Path certificateFile;

    @Option(names = "--network", required = true, paramLabel = "DIR", description = "The network directory.")
    Path network;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Validate at this time (ISO-8601), not now.")
    Instant at;

    Verify(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      NetworkLayout layout = new NetworkLayout(network);
      Genesis genesis = layout.readGenesis();
      X509Certificate certificate = Pem.certificate(AtomicFiles.read(certificateFile));
      Map<X500Principal, CaRecords> records = new LinkedHashMap<>();
      for (Genesis.Organisation org : genesis.organisations()) {
        AuthorityStore store = new AuthorityStore(layout, OrganisationId.of(org.id()));
        records.put(store.certificate().getSubjectX500Principal(), store.records());
      }
      RevocationStatus revocations = cert -> java.util.Optional.ofNullable(records.get(cert.getIssuerX500Principal()))
          .flatMap(r -> r.certificate(cert.getSerialNumber()))
          .filter(IssuedCertificate::revoked)
          .map(c -> new Revocation(c.serialNumber(), c.revokedAt(), c.revocationReason()));
      ValidationResult result = new CertificateValidator(genesis.authorities(), revocations)
          .validate(certificate, at == null ? context.clock().instant() : at);
      String subject = certificate.getSubjectX500Principal().getName();
      PrintWriter out = spec.commandLine().getOut();
      out.println((result.isValid() ? "valid: " : "invalid (" + result.verdict().name().toLowerCase() + "): ")
          + subject + ": " + result.detail());
      out.flush();
      return result.isValid() ? 0 : 1;
    }
  }
}
