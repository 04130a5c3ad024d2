package org.medledger.ledger.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medledger.ledger.Digest;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.codec.pb.RevokeCertificate;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.PkiException;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;
import org.medledger.pki.ValidationResult;

/**
 * The identity registry: an organisation's registrar registers its identities, records the
 * certificates its CA issues for them (a new key keeps the identity), suspends and reinstates
 * identities, and revokes certificates or whole identities. A suspension or revocation applies
 * from the transaction that commits it.
 */
public final class IdentityContract implements Contract {
  public static final TransactionType RECORD = TransactionType.of("identity.certificate.record");
  public static final TransactionType REVOKE = TransactionType.of("identity.certificate.revoke");
  public static final TransactionType REGISTER = TransactionType.of("identity.register");
  public static final TransactionType REVOKE_IDENTITY = TransactionType.of("identity.revoke");
  public static final TransactionType SUSPEND = TransactionType.of("identity.suspend");
  public static final TransactionType REINSTATE = TransactionType.of("identity.reinstate");

  private final IdentityDirectory directory;

  public IdentityContract(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(RECORD, Set.of(Role.REGISTRAR), REVOKE, Set.of(Role.REGISTRAR),
        REGISTER, Set.of(Role.REGISTRAR), REVOKE_IDENTITY, Set.of(Role.REGISTRAR),
        SUSPEND, Set.of(Role.REGISTRAR), REINSTATE, Set.of(Role.REGISTRAR));
  }

  /** The payload of a revocation. */
  public static byte[] revokePayload(Digest fingerprint, RevocationReason reason) {
    return RevokeCertificate.newBuilder()
        .setCertificateFingerprint(ByteString.copyFrom(fingerprint.toByteArray()))
        .setReason(reason.id())
        .build()
        .toByteArray();
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (type.equals(RECORD)) {
      parseCertificate(payload);
    } else if (type.equals(REVOKE)) {
      parseRevocation(payload);
    } else if (type.equals(REGISTER)) {
      parse(() -> IdentityCodec.parseRegistration(payload));
    } else if (type.equals(SUSPEND)) {
      parse(() -> IdentityCodec.parseSuspension(payload));
    } else if (type.equals(REINSTATE)) {
      parse(() -> IdentityCodec.parseReinstatement(payload));
    } else {
      parse(() -> IdentityCodec.parseRevocation(payload));
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    if (context.type().equals(RECORD)) {
      record(context);
    } else if (context.type().equals(REVOKE)) {
      revoke(context);
    } else if (context.type().equals(REGISTER)) {
      register(context);
    } else if (context.type().equals(SUSPEND)) {
      IdentityCodec.Revocation suspension = parse(() -> IdentityCodec.parseSuspension(context.payload()));
      suspend(context, suspension.name(),
          Optional.of(new CertificateEntry.Suspension(context.blockHeight(), suspension.reason().id())));
    } else if (context.type().equals(REINSTATE)) {
      suspend(context, parse(() -> IdentityCodec.parseReinstatement(context.payload())), Optional.empty());
    } else {
      revokeIdentity(context);
    }
  }

  /**
   * Suspends an identity (none of its certificates may sign from the next transaction on) or, with
   * no suspension, reinstates it. The mark is kept on each certificate too, so that checking a
   * signer costs no extra state read.
   */
  private void suspend(TxContext context, String name, Optional<CertificateEntry.Suspension> suspension)
      throws ContractException {
    OrganisationId organisation = context.signer().organisation();
    IdentityEntry identity = identity(context, organisation, name).orElseThrow(() ->
        new ContractException("unknown-identity", "'" + name + "' is not registered at " + organisation));
    if (identity.revocation().isPresent()) {
      throw new ContractException("already-revoked", "'" + name + "' is revoked");
    }
    if (identity.suspension().isPresent() == suspension.isPresent()) {
      throw new ContractException(suspension.isPresent() ? "already-suspended" : "not-suspended",
          "'" + name + "' is " + (suspension.isPresent() ? "already suspended" : "not suspended"));
    }
    if (name.equals(context.signer().name())) {
      throw new ContractException("self-suspension", "a registrar cannot suspend or reinstate itself");
    }
    StateView state = context::get;
    for (Digest fingerprint : identity.certificates()) {
      CertificateEntry certificate = directory.certificate(state, fingerprint).orElseThrow(() ->
          new ContractException("unknown-certificate", "certificate " + fingerprint + " is not on chain"));
      context.put(IdentityKeys.certificate(fingerprint), CertificateCodec.encode(certificate.withSuspension(suspension)));
    }
    context.put(IdentityKeys.identity(organisation, name), IdentityCodec.encode(identity.withSuspension(suspension)));
    context.emit(suspension.isPresent() ? "identity.suspended" : "identity.reinstated", Map.of("name", name,
        "organisation", organisation.value()));
  }

  private void register(TxContext context) throws ContractException {
    OrganisationId organisation = context.signer().organisation();
    IdentityClaims claims = parse(() -> IdentityCodec.parseRegistration(context.payload())).at(organisation);
    String key = IdentityKeys.identity(organisation, claims.name());
    if (context.get(key).isPresent()) {
      throw new ContractException("already-registered", "'" + claims.name() + "' is already registered at "
          + organisation);
    }
    context.put(key, IdentityCodec.encode(IdentityEntry.registered(claims, context.blockHeight())));
    context.emit("identity.registered", Map.of("name", claims.name(), "role", claims.role().id(),
        "organisation", organisation.value()));
  }

  private void revokeIdentity(TxContext context) throws ContractException {
    OrganisationId organisation = context.signer().organisation();
    IdentityCodec.Revocation revocation = parse(() -> IdentityCodec.parseRevocation(context.payload()));
    IdentityEntry identity = identity(context, organisation, revocation.name()).orElseThrow(() ->
        new ContractException("unknown-identity", "'" + revocation.name() + "' is not registered at " + organisation));
    if (identity.revocation().isPresent()) {
      throw new ContractException("already-revoked", "'" + revocation.name() + "' is already revoked");
    }
    CertificateEntry.OnChainRevocation how = new CertificateEntry.OnChainRevocation(
        context.blockTime(), context.blockHeight(), revocation.reason().id());
    StateView state = context::get;
    for (Digest fingerprint : identity.certificates()) {
      CertificateEntry certificate = directory.certificate(state, fingerprint).orElseThrow(() ->
          new ContractException("unknown-certificate", "certificate " + fingerprint + " is not on chain"));
      if (certificate.revocation().isEmpty()) {
        context.put(IdentityKeys.certificate(fingerprint), CertificateCodec.encode(certificate.revoked(how)));
      }
    }
    context.put(IdentityKeys.identity(organisation, revocation.name()), IdentityCodec.encode(identity.revoked(how)));
    context.emit("identity.revoked", Map.of("name", revocation.name(), "organisation", organisation.value(),
        "reason", how.reason(), "certificates", Integer.toString(identity.certificates().size())));
  }

  private static Optional<IdentityEntry> identity(TxContext context, OrganisationId organisation, String name) {
    return context.get(IdentityKeys.identity(organisation, name))
        .map(bytes -> IdentityCodec.decode(bytes, organisation));
  }

  /**
   * Links a certificate to its registered identity, which must be active and claim the same role
   * and attributes. Identities registered before the registry existed have no entry yet.
   */
  private static Optional<CertificateEntry.Suspension> linkToIdentity(TxContext context, IdentityClaims claims,
      Digest fingerprint) throws ContractException {
    Optional<IdentityEntry> identity = identity(context, claims.organisation(), claims.name());
    if (identity.isEmpty()) {
      return Optional.empty();
    }
    if (identity.get().revocation().isPresent()) {
      throw new ContractException("identity-revoked", "'" + claims.name() + "' is revoked");
    }
    if (!identity.get().matches(claims)) {
      throw new ContractException("claims-mismatch", "the certificate's role or attributes differ from the "
          + "registration of '" + claims.name() + "'");
    }
    context.put(IdentityKeys.identity(claims.organisation(), claims.name()),
        IdentityCodec.encode(identity.get().withCertificate(fingerprint)));
    return identity.get().suspension();
  }

  private void record(TxContext context) throws ContractException {
    X509Certificate certificate = parseCertificate(context.payload());
    IdentityClaims claims = IdentityExtension.decode(certificate);
    requireSameOrganisation(context, claims);
    Digest fingerprint = CertificateCodec.fingerprint(certificate);
    StateView state = context::get;
    if (directory.certificate(state, fingerprint).isPresent()) {
      throw new ContractException("already-recorded", "certificate " + fingerprint + " is already on chain");
    }
    ValidationResult valid = directory.validate(state, certificate, claims.organisation(), Optional.empty(),
        context.blockTime());
    if (!valid.isValid()) {
      throw new ContractException("invalid-certificate", "certificate not accepted: " + valid.detail());
    }
    Optional<CertificateEntry.Suspension> suspension = linkToIdentity(context, claims, fingerprint);
    context.put(IdentityKeys.certificate(fingerprint), CertificateCodec.encode(
        CertificateEntry.recorded(certificate, claims, context.blockHeight()).withSuspension(suspension)));
    context.emit("certificate.recorded", Map.of("fingerprint", fingerprint.hex(), "name", claims.name(),
        "role", claims.role().id(), "organisation", claims.organisation().value(),
        "serial", certificate.getSerialNumber().toString(16)));
  }

  private void revoke(TxContext context) throws ContractException {
    RevokeCertificate revocation = parseRevocation(context.payload());
    Digest fingerprint = Digest.of(revocation.getCertificateFingerprint().toByteArray());
    StateView state = context::get;
    CertificateEntry entry = directory.certificate(state, fingerprint).orElseThrow(() ->
        new ContractException("unknown-certificate", "certificate " + fingerprint + " is not on chain"));
    requireSameOrganisation(context, entry.claims());
    if (entry.revocation().isPresent()) {
      throw new ContractException("already-revoked", "certificate " + fingerprint + " is already revoked");
    }
    CertificateEntry revoked = entry.revoked(new CertificateEntry.OnChainRevocation(
        context.blockTime(), context.blockHeight(), revocation.getReason()));
    context.put(IdentityKeys.certificate(fingerprint), CertificateCodec.encode(revoked));
    context.emit("certificate.revoked", Map.of("fingerprint", fingerprint.hex(), "name", entry.claims().name(),
        "organisation", entry.claims().organisation().value(), "reason", revocation.getReason()));
  }

  private static void requireSameOrganisation(TxContext context, IdentityClaims claims) throws ContractException {
    if (!claims.organisation().equals(context.signer().organisation())) {
      throw new ContractException("foreign-organisation", "a registrar of " + context.signer().organisation()
          + " cannot act on a certificate of " + claims.organisation());
    }
  }

  /** A payload parser's typed error as the contract's refusal. */
  private static <T> T parse(java.util.function.Supplier<T> parser) throws ContractException {
    try {
      return parser.get();
    } catch (MalformedEncodingException e) {
      throw new ContractException("malformed-payload", e.getMessage());
    }
  }

  private static X509Certificate parseCertificate(byte[] payload) throws ContractException {
    try {
      X509Certificate certificate = CertificateCodec.parse(payload);
      IdentityExtension.decode(certificate);
      return certificate;
    } catch (MalformedEncodingException | PkiException e) {
      throw new ContractException("malformed-payload", "payload is not a MedLedger certificate: " + e.getMessage());
    }
  }

  private static RevokeCertificate parseRevocation(byte[] payload) throws ContractException {
    try {
      RevokeCertificate revocation = RevokeCertificate.parseFrom(payload);
      if (revocation.getCertificateFingerprint().size() != Digest.LENGTH) {
        throw new ContractException("malformed-payload", "malformed revocation");
      }
      byte[] canonical = revokePayload(Digest.of(revocation.getCertificateFingerprint().toByteArray()),
          RevocationReason.parse(revocation.getReason()));
      if (!java.util.Arrays.equals(canonical, payload)) {
        throw new ContractException("malformed-payload", "the revocation is not in canonical form");
      }
      return revocation;
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new ContractException("malformed-payload", "malformed revocation: " + e.getMessage());
    }
  }
}
