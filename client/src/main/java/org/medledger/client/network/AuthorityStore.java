package org.medledger.client.network;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.function.Function;
import org.medledger.crypto.EncryptedPrivateKeys;
import org.medledger.crypto.Passphrase;
import org.medledger.pki.CaRecords;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Pem;
import org.medledger.pki.Registrar;

/**
 * One organisation's certificate authority on disk. Changes run under an exclusive file lock and
 * are written atomically, so concurrent commands cannot lose each other's records.
 */
public final class AuthorityStore {
  private final NetworkLayout layout;
  private final OrganisationId organisation;

  public AuthorityStore(NetworkLayout layout, OrganisationId organisation) {
    this.layout = layout;
    this.organisation = organisation;
    if (!Files.isRegularFile(layout.authorityRecords(organisation))) {
      throw new NetworkFileException("no certificate authority for '" + organisation + "' in " + layout.root());
    }
  }

  /** Writes a new organisation's CA files. */
  public static AuthorityStore create(
      NetworkLayout layout, CertificateAuthority authority, AuthorityState state, Passphrase passphrase,
      PrivateKey key) {
    OrganisationId org = authority.organisation();
    AtomicFiles.writeNew(layout.authorityCertificate(org), Pem.write(authority.certificate()), false);
    AtomicFiles.writeNew(layout.authorityKey(org), EncryptedPrivateKeys.toPem(key, passphrase), true);
    AtomicFiles.writeNew(layout.authorityRecords(org), Json.write(state), false);
    return new AuthorityStore(layout, org);
  }

  public OrganisationId organisation() {
    return organisation;
  }

  public X509Certificate certificate() {
    return Pem.certificate(AtomicFiles.read(layout.authorityCertificate(organisation)));
  }

  public AuthorityState state() {
    return Json.read(AtomicFiles.read(layout.authorityRecords(organisation)), AuthorityState.class,
        layout.authorityRecords(organisation).toString());
  }

  public CaRecords records() {
    return state().records();
  }

  /** Opens the CA's private key; a wrong passphrase is a clear error. */
  public Registrar registrar(Passphrase passphrase) {
    String pem = AtomicFiles.read(layout.authorityKey(organisation));
    CertificateAuthority authority = new CertificateAuthority(certificate(), EncryptedPrivateKeys.fromPem(pem, passphrase));
    return new Registrar(authority, state().policy());
  }

  /**
   * Applies one change to the records under the lock and stores the result; if the change throws,
   * nothing is written.
   */
  public <T> T update(Function<CaRecords, Registrar.Outcome<T>> change) {
    Path lockFile = layout.authorityDirectory(organisation).resolve(".lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      AuthorityState state = state();
      Registrar.Outcome<T> outcome = change.apply(state.records());
      AtomicFiles.write(layout.authorityRecords(organisation), Json.write(state.withRecords(outcome.records())), false);
      return outcome.value();
    } catch (IOException e) {
      throw new NetworkFileException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  public void writeCrl(X509CRL crl) {
    AtomicFiles.write(layout.authorityCrl(organisation), Pem.write(crl), false);
  }
}
