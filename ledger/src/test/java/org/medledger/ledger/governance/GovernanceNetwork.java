package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medledger.crypto.SignatureScheme;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.CertificateAuthority;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/**
 * A test chain for governance: a consortium (by default three organisations, each with a
 * registrar "admin" and one genesis validator: validator-1 of st-mary, validator-2 of
 * city-clinic, validator-3 of north-lab), run by the consortium's contracts, with the signed
 * transactions of governance and the identity steps a new validator needs.
 */
final class GovernanceNetwork {
  static final String ST_MARY = "st-mary";
  static final String CITY_CLINIC = "city-clinic";
  static final String NORTH_LAB = "north-lab";

  final TestConsortium consortium;
  final TestLedger ledger;

  private GovernanceNetwork(TestConsortium consortium) {
    this.consortium = consortium;
    this.ledger = new TestLedger(consortium);
  }

  private GovernanceNetwork(TestConsortium consortium, List<org.medledger.ledger.contract.Contract> others) {
    this.consortium = consortium;
    this.ledger = new TestLedger(consortium, others);
  }

  /** Three organisations, one validator each, running these contracts besides identity and governance. */
  static GovernanceNetwork threeOrganisations(List<org.medledger.ledger.contract.Contract> others) {
    return new GovernanceNetwork(TestConsortium.of(List.of(ST_MARY, CITY_CLINIC, NORTH_LAB), 3), others);
  }

  /** Three organisations, one validator each: a majority is 2. */
  static GovernanceNetwork threeOrganisations() {
    return of(List.of(ST_MARY, CITY_CLINIC, NORTH_LAB), 3);
  }

  static GovernanceNetwork of(List<String> organisations, int validators) {
    return new GovernanceNetwork(TestConsortium.of(organisations, validators));
  }

  /** A would-be validator: its signing identity and its TLS certificate, neither on chain yet. */
  record Candidate(String id, String organisation, Member signing, X509Certificate tls) {
    ValidatorInfo at(String address) {
      return new ValidatorInfo(id, organisation, signing.certificate(), tls, address);
    }

    GovernanceAction.AddValidator addAt(String address) {
      return new GovernanceAction.AddValidator(at(address));
    }
  }

  /** A validator certificate and a TLS certificate for it, both issued by its organisation's CA. */
  Candidate candidate(String organisation, String id) {
    Member signing = consortium.issue(organisation, id, Role.VALIDATOR);
    return new Candidate(id, organisation, signing, tlsCertificate(consortium.authority(organisation),
        IdentityClaims.of(id, Role.VALIDATOR, OrganisationId.of(organisation))));
  }

  /** A candidate whose signing certificate its organisation's registrar recorded on chain. */
  Candidate enrolled(String organisation, String id) {
    Candidate candidate = candidate(organisation, id);
    assertThat(commitOne(record(candidate.signing())).code()).isEqualTo("ok");
    return candidate;
  }

  static X509Certificate tlsCertificate(CertificateAuthority authority, IdentityClaims claims) {
    return authority.issueTls(SignatureScheme.ECDSA_P256_SHA256.generateKeyPair().getPublic(), claims,
        List.of(claims.name() + ".example"), TestConsortium.GENESIS_TIME.minus(Duration.ofDays(1)),
        Duration.ofDays(365));
  }

  // ---- transactions

  Member registrar(String organisation) {
    return consortium.registrar(organisation);
  }

  /** Records a certificate, sent by the registrar of the certificate's organisation. */
  SignedTransaction record(Member member) {
    String organisation = IdentityExtension.decode(member.certificate()).organisation().value();
    return registrar(organisation).signer().sign(IdentityContract.RECORD, der(member.certificate()));
  }

  SignedTransaction revoke(Member member) {
    String organisation = IdentityExtension.decode(member.certificate()).organisation().value();
    return registrar(organisation).signer().sign(IdentityContract.REVOKE,
        IdentityContract.revokePayload(CertificateCodec.fingerprint(member.certificate()),
            RevocationReason.KEY_COMPROMISE));
  }

  SignedTransaction propose(String organisation, GovernanceAction action) {
    return propose(registrar(organisation), action);
  }

  static SignedTransaction propose(Member by, GovernanceAction action) {
    return by.signer().sign(GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(action));
  }

  SignedTransaction approve(String organisation, Digest proposal) {
    return approve(registrar(organisation), proposal);
  }

  static SignedTransaction approve(Member by, Digest proposal) {
    return by.signer().sign(GovernanceContract.APPROVE, GovernanceCodec.approvePayload(proposal));
  }

  // ---- blocks and state

  ExecutedBlock commit(SignedTransaction... transactions) {
    return ledger.commit(transactions);
  }

  ExecutedBlock commitAt(Instant time, SignedTransaction... transactions) {
    return ledger.commitAt(time, transactions);
  }

  TransactionResult commitOne(SignedTransaction tx) {
    return commit(tx).block().results().get(0);
  }

  /** Commits a transaction that must succeed; returns its id. */
  Digest commitOk(SignedTransaction tx) {
    TransactionResult result = commitOne(tx);
    assertThat(result.code()).as(result.message()).isEqualTo("ok");
    return tx.id();
  }

  long height() {
    return ledger.chain().height();
  }

  ValidatorHistory history() {
    return ValidatorHistory.read(ledger.chain().state()).orElseThrow();
  }

  Optional<Proposal> proposal(Digest id) {
    return ledger.chain().state().get(GovernanceKeys.proposal(id)).map(GovernanceCodec::decodeProposal);
  }

  static Event event(TransactionResult result, String name) {
    return result.events().stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no event " + name + " in " + result.events()));
  }

  static byte[] der(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }
}
