package org.medledger.ledger.genesis;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Block;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.execution.BlockRoots;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceKeys;
import org.medledger.ledger.governance.ValidatorHistory;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityEntry;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.merkle.MerkleHash;
import org.medledger.ledger.state.StateChanges;
import org.medledger.pki.CertificateValidator;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.RevocationStatus;
import org.medledger.pki.ValidationResult;

/**
 * Block 0, derived from the genesis file alone: no transactions; its state records each
 * organisation's CA, registers each organisation's first registrar and each validator with
 * their certificates, and starts the validator history with the genesis validators. Anyone holding the genesis file computes the same block and hash.
 */
public final class GenesisBlock {
  public static final String PROPOSER = "genesis";

  private GenesisBlock() {}

  public static ExecutedBlock of(Genesis genesis) {
    Map<String, Optional<byte[]>> writes = new TreeMap<>();
    for (Genesis.Organisation org : genesis.organisations()) {
      X509Certificate authority = org.authority();
      OrganisationId id = OrganisationId.of(org.id());
      if (!IdentityExtension.decode(authority).organisation().equals(id)) {
        throw new IllegalArgumentException("the CA certificate of '" + id + "' names another organisation");
      }
      writes.put(IdentityKeys.authority(id), Optional.of(der(authority)));
      record(writes, genesis, org.registrar(), id);
    }
    for (Genesis.Validator validator : genesis.validators()) {
      X509Certificate certificate = validator.identity();
      CertificateEntry entry = record(writes, genesis, certificate, OrganisationId.of(validator.organisation()));
      if (!entry.claims().name().equals(validator.id())) {
        throw new IllegalArgumentException("the certificate of validator '" + validator.id() + "' names another identity");
      }
    }
    writes.put(GovernanceKeys.VALIDATORS, Optional.of(GovernanceCodec.encode(ValidatorHistory.of(genesis))));
    StateChanges changes = StateChanges.of(writes);
    Digest emptyRoot = BlockRoots.digest(MerkleHash.emptyTreeRoot());
    BlockHeader header = new BlockHeader(genesis.chainId(), 0, Digest.ZERO, emptyRoot, 0, emptyRoot,
        changes.nextRoot(Digest.ZERO), genesis.createdAt(), PROPOSER);
    return new ExecutedBlock(new Block(header, List.of(), List.of()), changes);
  }

  private static CertificateEntry record(
      Map<String, Optional<byte[]>> writes, Genesis genesis, X509Certificate certificate, OrganisationId organisation) {
    IdentityClaims claims = IdentityExtension.decode(certificate);
    ValidationResult valid = new CertificateValidator(List.of(genesis.organisation(organisation).authority()),
        RevocationStatus.NONE).validate(certificate, genesis.createdAt());
    if (!claims.organisation().equals(organisation) || !valid.isValid()) {
      throw new IllegalArgumentException("genesis certificate of " + claims.name() + "@" + organisation
          + " is not valid: " + valid.detail());
    }
    CertificateEntry entry = CertificateEntry.recorded(certificate, claims, 0);
    writes.put(IdentityKeys.certificate(entry.fingerprint()), Optional.of(CertificateCodec.encode(entry)));
    writes.put(IdentityKeys.identity(organisation, claims.name()),
        Optional.of(IdentityCodec.encode(IdentityEntry.registered(claims, 0).withCertificate(entry.fingerprint()))));
    return entry;
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("unencodable certificate", e);
    }
  }
}
