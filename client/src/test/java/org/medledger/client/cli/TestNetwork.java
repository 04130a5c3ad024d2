package org.medledger.client.cli;

import static org.medledger.client.cli.CliAssertions.assertSucceeded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.medledger.client.network.NetworkLayout;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;

/**
 * A network directory made by {@code medledger network init}, with shortcuts for the steps most
 * tests take on the way to what they check (register, enroll, revoke). Every step goes through
 * the command line and must succeed.
 */
final class TestNetwork {
  static final String ST_MARY = "st-mary";
  static final String CITY_CLINIC = "city-clinic";
  static final String ACME_INSURANCE = "acme-insurance";

  private final Cli cli;
  private final Path root;
  private final Path wallets;

  private TestNetwork(Cli cli, Path root, Path wallets) {
    this.cli = cli;
    this.root = root;
    this.wallets = wallets;
  }

  /** The default network (3 organisations, 4 validators) in {@code parent/network}. */
  static TestNetwork create(Path parent) {
    return create(parent, "network");
  }

  /** A network in {@code parent/name}, created with the given extra {@code network init} options. */
  static TestNetwork create(Path parent, String name, String... initOptions) {
    Cli cli = Cli.withPassphrase();
    Path root = parent.resolve(name);
    List<String> args = new ArrayList<>(List.of("network", "init", "--out", root.toString()));
    args.addAll(List.of(initOptions));
    assertSucceeded(cli.run(args.toArray(String[]::new)));
    Path wallets = parent.resolve(name + "-wallets");
    try {
      Files.createDirectories(wallets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestNetwork(cli, root, wallets);
  }

  Path root() {
    return root;
  }

  String dir() {
    return root.toString();
  }

  NetworkLayout layout() {
    return new NetworkLayout(root);
  }

  Cli cli() {
    return cli;
  }

  /** A fresh path for a wallet, outside the network directory, that does not exist yet. */
  Path walletPath(String name) {
    return wallets.resolve(name + ".wallet.pem");
  }

  Path caCertificate(String org) {
    return layout().authorityCertificate(OrganisationId.of(org));
  }

  Path caKey(String org) {
    return layout().authorityKey(OrganisationId.of(org));
  }

  Path crl(String org) {
    return layout().authorityCrl(OrganisationId.of(org));
  }

  Path records(String org) {
    return layout().authorityRecords(OrganisationId.of(org));
  }

  Path adminWallet(String org) {
    return layout().adminWallet(OrganisationId.of(org));
  }

  /** {@code ca register}; returns the enrollment secret it printed. */
  String register(String org, String name, String role, String... options) {
    List<String> args = new ArrayList<>(List.of("ca", "register", "--network", dir(), "--org", org, "--name", name,
        "--role", role));
    args.addAll(List.of(options));
    return assertSucceeded(cli.run(args.toArray(String[]::new))).lastLine();
  }

  /** {@code ca enroll} into a new wallet; returns the wallet. */
  Path enroll(String org, String name, String secret, String key) {
    Path wallet = walletPath(name);
    assertSucceeded(cli.run("ca", "enroll", "--network", dir(), "--org", org, "--name", name, "--secret", secret,
        "--wallet", wallet.toString(), "--key", key));
    return wallet;
  }

  /** Registers and enrolls a new identity with an EC key; returns its wallet. */
  Path member(String org, String name, String role) {
    return member(org, name, role, "ec");
  }

  Path member(String org, String name, String role, String key) {
    return enroll(org, name, register(org, name, role), key);
  }

  Cli.Result verify(Path certificate) {
    return cli.run("ca", "verify", certificate.toString(), "--network", dir());
  }

  void revokeName(String org, String name, String reason) {
    assertSucceeded(cli.run("ca", "revoke", "--network", dir(), "--org", org, "--name", name, "--reason", reason));
  }

  /** The first certificate in a PEM file (a wallet's own certificate, a TLS or CA certificate). */
  static X509Certificate certificate(Path pemFile) {
    return Pem.certificate(read(pemFile));
  }

  static X509CRL crlIn(Path pemFile) {
    return Pem.crl(read(pemFile));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The serial number as {@code ca revoke --serial} takes it and the CA records it: lower-case hex. */
  static String serialHex(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }
}
