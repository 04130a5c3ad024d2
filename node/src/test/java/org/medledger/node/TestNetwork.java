package org.medledger.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.node.tls.TlsIdentity;
import org.medledger.node.config.NodeConfig;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.CertificateProfile;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Role;

/**
 * A consortium for node tests, on the real clock: two organisations (st-mary, city-clinic) with
 * their CAs and registrars ("admin"), one validator of st-mary with its wallet and TLS key, and
 * the genesis naming them. Writes a node's files into a directory; issues more identities.
 */
public final class TestNetwork {
  public static final String VALIDATOR = "validator-1";
  public static final String ORG = "st-mary";
  public static final String OTHER_ORG = "city-clinic";

  /** An identity's certificate and key pair. */
  public record Member(X509Certificate certificate, KeyPair keys) {
    public TransactionSigner signer(String chainId) {
      return new TransactionSigner(chainId, SignatureScheme.ECDSA_P256_SHA256.signer(keys), certificate);
    }

    public byte[] der() {
      try {
        return certificate.getEncoded();
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }

    public org.medledger.ledger.Digest fingerprint() {
      return CertificateCodec.fingerprint(certificate);
    }
  }

  private final Passphrase passphrase = Passphrase.of("correct horse battery staple".toCharArray());
  private final Instant issued = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
  private final Instant createdAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
  private final Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
  private final Map<String, Member> registrars = new LinkedHashMap<>();
  private final Member validator;
  private final Member tls;
  private final String chainId;
  private final Genesis genesis;

  public TestNetwork() {
    this("medledger-node-test");
  }

  public TestNetwork(String chainId) {
    this.chainId = chainId;
    for (String org : List.of(ORG, OTHER_ORG)) {
      authorities.put(org, CertificateAuthority.createRoot(OrganisationId.of(org),
          SignatureScheme.ECDSA_P256_SHA256.generateKeyPair(), issued.minus(Duration.ofHours(1)),
          Duration.ofDays(3650)));
      registrars.put(org, issue(org, "admin", Role.REGISTRAR));
    }
    validator = issue(ORG, VALIDATOR, Role.VALIDATOR);
    KeyPair tlsKeys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    tls = new Member(authorities.get(ORG).issueTls(tlsKeys.getPublic(),
        IdentityClaims.of(VALIDATOR, Role.VALIDATOR, OrganisationId.of(ORG)), List.of("localhost", "127.0.0.1"),
        issued, Duration.ofDays(730)), tlsKeys);
    genesis = genesis(chainId);
  }

  /** The genesis of this network. */
  public Genesis genesis() {
    return genesis;
  }

  /** A genesis with the same members and another chain id: another network. */
  public Genesis genesis(String otherChainId) {
    List<Genesis.Organisation> organisations = new ArrayList<>();
    authorities.forEach((org, ca) -> organisations.add(new Genesis.Organisation(org, Pem.write(ca.certificate()),
        Pem.write(registrars.get(org).certificate()))));
    return new Genesis(Genesis.FORMAT, otherChainId, createdAt, organisations,
        List.of(new Genesis.Validator(VALIDATOR, ORG, Pem.write(validator.certificate()),
            Pem.write(tls.certificate()))));
  }

  public String chainId() {
    return chainId;
  }

  public Passphrase passphrase() {
    return passphrase;
  }

  public Member registrar(String org) {
    return registrars.get(org);
  }

  public Member validator() {
    return validator;
  }

  public CertificateAuthority authority(String org) {
    return authorities.get(org);
  }

  /** Issues a certificate (not recorded on chain) valid from an hour ago for a year. */
  public Member issue(String org, String name, Role role) {
    KeyPair keys = SignatureScheme.ECDSA_P256_SHA256.generateKeyPair();
    X509Certificate certificate = authorities.get(org).issue(keys.getPublic(),
        IdentityClaims.of(name, role, OrganisationId.of(org)), CertificateProfile.forRole(role), issued,
        Duration.ofDays(365));
    return new Member(certificate, keys);
  }

  /** Writes the node's files into a directory: this network's genesis, the default batching. */
  public NodeConfig writeNodeFiles(Path directory) {
    return writeNodeFiles(directory, genesis, NodeConfig.Batch.DEFAULT);
  }

  /** Writes genesis.json, the wallet, tls.crt and tls.key; the data directory is {@code directory/data}. */
  public NodeConfig writeNodeFiles(Path directory, Genesis genesis, NodeConfig.Batch batch) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("genesis.json"), GenesisFile.write(genesis));
      writeWallet(directory.resolve("node.wallet.pem"), validator);
      Files.writeString(directory.resolve("tls.crt"), Pem.write(tls.certificate(), authorities.get(ORG).certificate()));
      Files.writeString(directory.resolve("tls.key"), EncryptedPrivateKeys.toPem(tls.keys().getPrivate(), passphrase));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NodeConfig(VALIDATOR, directory.resolve("genesis.json"), directory.resolve("node.wallet.pem"),
        directory.resolve("tls.crt"), directory.resolve("tls.key"), directory.resolve("data"),
        new NodeConfig.Listen("127.0.0.1", 0), batch);
  }

  /** Writes a wallet (encrypted key, certificate, CA certificate) for a member of st-mary. */
  public void writeWallet(Path file, Member member) throws IOException {
    Files.writeString(file, EncryptedPrivateKeys.toPem(member.keys().getPrivate(), passphrase)
        + Pem.write(member.certificate(), authorities.get(ORG).certificate()));
  }

  /** The node's TLS key and chain, as the node reads them from tls.key and tls.crt. */
  public TlsIdentity tlsIdentity() {
    return new TlsIdentity(tls.keys().getPrivate(), List.of(tls.certificate(), authorities.get(ORG).certificate()));
  }

  /** A client TLS context that trusts st-mary's CA (the node's TLS issuer). */
  public SSLContext clientTls() {
    return trusting(authorities.get(ORG).certificate());
  }

  /** A client TLS context that trusts these CAs and nothing else. */
  public static SSLContext trusting(X509Certificate... authorities) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      for (int i = 0; i < authorities.length; i++) {
        trust.setCertificateEntry("ca-" + i, authorities[i]);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
