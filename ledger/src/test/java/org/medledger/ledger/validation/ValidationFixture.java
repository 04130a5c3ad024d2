package org.medledger.ledger.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.medledger.ledger.Digest;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.CertificateCodec;
import org.medledger.ledger.identity.CertificateEntry;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.identity.IdentityKeys;
import org.medledger.ledger.state.StateOverlay;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.InMemoryChain;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.SignerId;
import org.medledger.ledger.tx.TransactionBody;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.IdentityExtension;
import org.medledger.pki.Role;

/**
 * A {@link ValidationContext} over the genesis state of a {@link TestConsortium} (st-mary and
 * city-clinic, one validator), with the consortium's contracts (identity, governance) and echo,
 * and defaults a test overrides fluently: block time an hour after genesis, the default size
 * limit, nothing committed, nothing preverified. Certificates are recorded and revoked by writing identity
 * entries straight into the state, as the identity contract would.
 */
final class ValidationFixture {
  static final Instant BLOCK_TIME = TestConsortium.GENESIS_TIME.plus(Duration.ofHours(1));

  final TestConsortium consortium = TestConsortium.standard();
  final InMemoryChain chain = InMemoryChain.startingWith(GenesisBlock.of(consortium.genesis()));
  final StateOverlay state = new StateOverlay(chain.state());
  final IdentityDirectory identities = new IdentityDirectory();
  final ContractRegistry contracts =
      ConsortiumContracts.of(consortium.genesis(), identities, List.of(new EchoContract()));

  private String chainId = TestConsortium.CHAIN_ID;
  private Instant blockTime = BLOCK_TIME;
  private int maxTransactionBytes = ValidationContext.DEFAULT_MAX_TRANSACTION_BYTES;
  private Predicate<Digest> committed = id -> false;
  private Optional<Boolean> preverified = Optional.empty();

  ValidationFixture at(Instant time) {
    blockTime = time;
    return this;
  }

  ValidationFixture maxTransactionBytes(int limit) {
    maxTransactionBytes = limit;
    return this;
  }

  ValidationFixture committed(Predicate<Digest> isCommitted) {
    committed = isCommitted;
    return this;
  }

  /** This validator's own earlier verdict on the signature of the transaction being checked. */
  ValidationFixture preverified(Optional<Boolean> verdict) {
    preverified = verdict;
    return this;
  }

  ValidationContext context() {
    return new ValidationContext(chainId, blockTime, maxTransactionBytes, contracts, identities, state, committed,
        preverified);
  }

  // ---- identities

  /** A certificate issued by the st-mary CA, recorded on chain at height 1. */
  Member enrolled(String name, Role role) {
    return record(consortium.issue("st-mary", name, role));
  }

  Member physician() {
    return enrolled("dr-alice", Role.PHYSICIAN);
  }

  Member record(Member member) {
    CertificateEntry entry = entry(member.certificate());
    state.put(IdentityKeys.certificate(entry.fingerprint()), CertificateCodec.encode(entry));
    return member;
  }

  /** Records a revocation of a recorded certificate, committed at a height and block time. */
  void revoke(Member member, Instant at, long height, String reason) {
    CertificateEntry entry = entry(member.certificate());
    CertificateEntry revoked = new CertificateEntry(entry.certificate(), entry.claims(), entry.fingerprint(),
        entry.recordedHeight(), Optional.of(new CertificateEntry.OnChainRevocation(at, height, reason)));
    state.put(IdentityKeys.certificate(entry.fingerprint()), CertificateCodec.encode(revoked));
  }

  private static CertificateEntry entry(X509Certificate certificate) {
    return CertificateEntry.recorded(certificate, IdentityExtension.decode(certificate), 1);
  }

  // ---- transactions

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static SignedTransaction echo(Member member) {
    return member.signer().sign(EchoContract.ECHO, bytes("hello"));
  }

  /** A body built by hand, signed with the member's key: whatever the body claims. */
  static SignedTransaction signedByHand(Member member, String chainId, TransactionType type, byte[] payload,
      SignerId signer, Digest fingerprint) {
    byte[] nonce = new byte[TransactionBody.NONCE_LENGTH];
    new java.security.SecureRandom().nextBytes(nonce);
    TransactionBody body = new TransactionBody(chainId, type, payload, signer, fingerprint, nonce);
    return new SignedTransaction(body, signer(member).sign(org.medledger.ledger.codec.LedgerCodec.encode(body)));
  }

  static org.medledger.crypto.Signer signer(Member member) {
    return org.medledger.crypto.SignatureScheme.of(member.keys().getPublic()).signer(member.keys());
  }

  static SignedTransaction withSignature(SignedTransaction tx, byte[] signature) {
    return new SignedTransaction(tx.body(), signature);
  }

  static byte[] flipped(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 0x01;
    return copy;
  }

  // ---- assertions

  void assertPasses(TransactionRule rule, SignedTransaction tx) {
    ValidationContext context = context();
    assertThatCode(() -> rule.check(tx, context)).doesNotThrowAnyException();
  }

  /** The rule rejects the transaction with this code and a message; returns the rejection for more checks. */
  Rejection assertRejected(TransactionRule rule, SignedTransaction tx, RejectionCode code) {
    ValidationContext context = context();
    Rejection rejection = catchThrowableOfType(Rejection.class, () -> rule.check(tx, context));
    assertThat(rejection).as("%s rejects %s", rule.getClass().getSimpleName(), tx).isNotNull();
    assertThat(rejection.code()).isEqualTo(code);
    assertThat(rejection.getMessage()).isNotBlank();
    return rejection;
  }
}
