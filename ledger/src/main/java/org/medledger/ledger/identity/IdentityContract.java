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
import org.medledger.pki.PkiException;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;
import org.medledger.pki.ValidationResult;

/**
 * The identity registry: an organisation's registrar records the certificates its CA issues and
 * revokes them. A revocation applies from the block that commits it.
 */
public final class IdentityContract implements Contract {
  public static final TransactionType RECORD = TransactionType.of("identity.certificate.record");
  public static final TransactionType REVOKE = TransactionType.of("identity.certificate.revoke");

  private final IdentityDirectory directory;

  public IdentityContract(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(RECORD, Set.of(Role.REGISTRAR), REVOKE, Set.of(Role.REGISTRAR));
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
    } else {
      parseRevocation(payload);
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    if (context.type().equals(RECORD)) {
      record(context);
    } else {
      revoke(context);
    }
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
    context.put(IdentityKeys.certificate(fingerprint),
        CertificateCodec.encode(CertificateEntry.recorded(certificate, claims, context.blockHeight())));
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
    CertificateEntry revoked = new CertificateEntry(entry.certificate(), entry.claims(), fingerprint,
        entry.recordedHeight(), Optional.of(new CertificateEntry.OnChainRevocation(
            context.blockTime(), context.blockHeight(), revocation.getReason())));
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
      if (revocation.getCertificateFingerprint().size() != Digest.LENGTH
          || !java.util.Arrays.equals(revocation.toByteArray(), payload)) {
        throw new ContractException("malformed-payload", "malformed revocation");
      }
      RevocationReason.parse(revocation.getReason());
      return revocation;
    } catch (InvalidProtocolBufferException | PkiException e) {
      throw new ContractException("malformed-payload", "malformed revocation: " + e.getMessage());
    }
  }
}
