package org.medledger.ledger.testing;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.block.BlockHeader;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.governance.GovernanceAction;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorInfo;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The signed transactions that change a test chain's validator set through governance (the
 * chain must run the consortium's contracts): a new validator's identity and certificate
 * recorded by its organisation's registrar, a proposal, and approvals by other organisations.
 */
public final class ValidatorChanges {
  private ValidatorChanges() {}

  /** A would-be validator: its signing identity (seals with it) and TLS certificate, not on chain yet. */
  public record Candidate(String id, String organisation, TestConsortium.Member member, X509Certificate tls,
      String address) {
    public ValidatorInfo info() {
      return new ValidatorInfo(id, organisation, member.certificate(), tls, address);
    }

    /** Its seal over a header. */
    public BlockSeal seal(BlockHeader header) {
      return BlockSeal.sign(id, member.signing(), header);
    }
  }

  /** Issues a validator's signing and TLS certificates from its organisation's CA. */
  public static Candidate candidate(TestConsortium consortium, String organisation, String id, String address) {
    TestConsortium.Member member = consortium.issue(organisation, id, Role.VALIDATOR);
    IdentityClaims claims = IdentityClaims.of(id, Role.VALIDATOR, OrganisationId.of(organisation));
    X509Certificate tls = consortium.authority(organisation).issueTls(
        SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(), claims, List.of(id + ".example"),
        TestConsortium.GENESIS_TIME.minus(Duration.ofDays(1)), Duration.ofDays(365));
    return new Candidate(id, organisation, member, tls, address);
  }

  /** {@code identity.register} and {@code identity.certificate.record} of the candidate, by its registrar. */
  public static List<SignedTransaction> enrol(TestConsortium consortium, Candidate candidate) {
    TestConsortium.Member registrar = consortium.registrar(candidate.organisation());
    return List.of(
        registrar.signer().sign(IdentityContract.REGISTER, IdentityCodec.registerPayload(
            IdentityClaims.of(candidate.id(), Role.VALIDATOR, OrganisationId.of(candidate.organisation())))),
        registrar.signer().sign(IdentityContract.RECORD, der(candidate.member().certificate())));
  }

  /** A proposal to add the candidate, by its organisation's registrar. */
  public static SignedTransaction proposeAdd(TestConsortium consortium, Candidate candidate) {
    return propose(consortium, candidate.organisation(), new GovernanceAction.AddValidator(candidate.info()));
  }

  /** A proposal to remove a validator, by an organisation's registrar. */
  public static SignedTransaction proposeRemove(TestConsortium consortium, String organisation, String validator) {
    return propose(consortium, organisation, new GovernanceAction.RemoveValidator(validator));
  }

  public static SignedTransaction propose(TestConsortium consortium, String organisation, GovernanceAction action) {
    return consortium.registrar(organisation).signer().sign(GovernanceContract.PROPOSE,
        GovernanceCodec.proposePayload(action));
  }

  /** An approval of a proposal, by an organisation's registrar. */
  public static SignedTransaction approve(TestConsortium consortium, String organisation, SignedTransaction proposal) {
    return consortium.registrar(organisation).signer().sign(GovernanceContract.APPROVE,
        GovernanceCodec.approvePayload(proposal.id()));
  }

  private static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
