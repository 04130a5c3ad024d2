package org.medledger.ledger.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.EchoContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/** Registration, certificate records and identity revocation through blocks. */
class IdentityRegistryTest {
  private static final OrganisationId ST_MARY = OrganisationId.of("st-mary");

  private final TestConsortium consortium = TestConsortium.standard();
  private final TestLedger ledger = new TestLedger(consortium);
  private final TestConsortium.Member registrar = consortium.registrar("st-mary");

  private TransactionResult commitOne(SignedTransaction tx) {
    return ledger.commit(tx).block().results().get(0);
  }

  private SignedTransaction register(TestConsortium.Member by, IdentityClaims claims) {
    return by.signer().sign(IdentityContract.REGISTER, IdentityCodec.registerPayload(claims));
  }

  private SignedTransaction record(TestConsortium.Member member) throws Exception {
    return registrar.signer().sign(IdentityContract.RECORD, member.certificate().getEncoded());
  }

  private IdentityEntry onChain(String name) {
    return ledger.chain().state().get(IdentityKeys.identity(ST_MARY, name))
        .map(bytes -> IdentityCodec.decode(bytes, ST_MARY)).orElseThrow();
  }

  @Test
  void aRegisteredIdentityIsOnChainAndItsCertificatesAreLinkedToIt() throws Exception {
    assertThat(commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY))).code())
        .isEqualTo("ok");
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    assertThat(commitOne(record(alice)).code()).isEqualTo("ok");

    IdentityEntry entry = onChain("dr-alice");
    assertThat(entry.claims().role()).isEqualTo(Role.PHYSICIAN);
    assertThat(entry.registeredHeight()).isEqualTo(1);
    assertThat(entry.certificates()).containsExactly(CertificateCodec.fingerprint(alice.certificate()));
    assertThat(entry.revocation()).isEmpty();
  }

  @Test
  void genesisRegistersTheFirstRegistrarsAndTheValidators() {
    String name = org.medledger.pki.IdentityExtension.decode(registrar.certificate()).name();
    assertThat(onChain(name).certificates()).containsExactly(CertificateCodec.fingerprint(registrar.certificate()));
    assertThat(onChain(name).claims().role()).isEqualTo(Role.REGISTRAR);
  }

  @Test
  void registeringANameTwiceFailsAndChangesNothing() {
    commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    ExecutedBlock again = ledger.commit(register(registrar, IdentityClaims.of("dr-alice", Role.NURSE, ST_MARY)));
    assertThat(again.block().results().get(0).code()).isEqualTo("already-registered");
    assertThat(again.changes().isEmpty()).isTrue();
    assertThat(onChain("dr-alice").claims().role()).isEqualTo(Role.PHYSICIAN);
  }

  @Test
  void aRegistrarRegistersOnlyInItsOwnOrganisation() {
    TestConsortium.Member foreign = consortium.registrar("city-clinic");
    commitOne(register(foreign, IdentityClaims.of("dr-eve", Role.PHYSICIAN, ST_MARY)));
    assertThat(ledger.chain().state().get(IdentityKeys.identity(ST_MARY, "dr-eve"))).isEmpty();
    assertThat(ledger.chain().state().get(IdentityKeys.identity(OrganisationId.of("city-clinic"), "dr-eve")))
        .isPresent();
  }

  @Test
  void onlyARegistrarMayRegister() throws Exception {
    commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    commitOne(record(alice));
    TransactionResult result = commitOne(register(alice, IdentityClaims.of("dr-mallory", Role.REGISTRAR, ST_MARY)));
    assertThat(result.success()).isFalse();
    assertThat(result.code()).isEqualTo("role-not-allowed");
  }

  @Test
  void aCertificateWhoseClaimsDifferFromTheRegistrationIsRefused() throws Exception {
    Map<String, String> attributes = new TreeMap<>(Map.of("department", "cardiology"));
    commitOne(register(registrar, new IdentityClaims("dr-alice", Role.PHYSICIAN, ST_MARY, new TreeMap<>(attributes))));
    TestConsortium.Member nurse = consortium.issue("st-mary", "dr-alice", Role.NURSE);
    assertThat(commitOne(record(nurse)).code()).isEqualTo("claims-mismatch");
    assertThat(onChain("dr-alice").certificates()).isEmpty();
  }

  @Test
  void revokingAnIdentityRevokesEveryCertificateFromItsBlockAndBlocksNewOnes() throws Exception {
    commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    TestConsortium.Member first = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    TestConsortium.Member second = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    commitOne(record(first));
    commitOne(record(second));
    SignedTransaction revoke = registrar.signer().sign(IdentityContract.REVOKE_IDENTITY,
        IdentityCodec.revokePayload("dr-alice", RevocationReason.AFFILIATION_CHANGED));
    ExecutedBlock revoking = ledger.commit(revoke, first.signer().sign(EchoContract.ECHO, bytes("same block")));
    assertThat(revoking.block().results()).extracting(TransactionResult::code)
        .containsExactly("ok", "certificate-revoked");

    assertThat(commitOne(second.signer().sign(EchoContract.ECHO, bytes("later"))).code())
        .isEqualTo("certificate-revoked");
    assertThat(onChain("dr-alice").revocation()).hasValueSatisfying(r -> {
      assertThat(r.height()).isEqualTo(revoking.block().height());
      assertThat(r.reason()).isEqualTo("affiliation-changed");
    });
    TestConsortium.Member third = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    assertThat(commitOne(record(third)).code()).isEqualTo("identity-revoked");
    assertThat(commitOne(registrar.signer().sign(IdentityContract.REVOKE_IDENTITY,
        IdentityCodec.revokePayload("dr-alice", RevocationReason.UNSPECIFIED))).code()).isEqualTo("already-revoked");
  }

  @Test
  void aSuspendedIdentityCannotSignFromItsSuspensionUntilReinstated() throws Exception {
    commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    commitOne(record(alice));

    ExecutedBlock suspending = ledger.commit(alice.signer().sign(EchoContract.ECHO, bytes("before")),
        registrar.signer().sign(IdentityContract.SUSPEND,
            IdentityCodec.suspendPayload("dr-alice", RevocationReason.PRIVILEGE_WITHDRAWN)),
        alice.signer().sign(EchoContract.ECHO, bytes("after")));
    assertThat(suspending.block().results()).extracting(TransactionResult::code)
        .containsExactly("ok", "ok", "identity-suspended");
    assertThat(onChain("dr-alice").suspension()).hasValueSatisfying(x -> {
      assertThat(x.height()).isEqualTo(suspending.block().height());
      assertThat(x.reason()).isEqualTo("privilege-withdrawn");
    });
    TestConsortium.Member newKey = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    assertThat(commitOne(record(newKey)).code()).isEqualTo("ok");
    assertThat(commitOne(newKey.signer().sign(EchoContract.ECHO, bytes("new key"))).code())
        .as("a certificate recorded while suspended is suspended too").isEqualTo("identity-suspended");
    assertThat(commitOne(registrar.signer().sign(IdentityContract.SUSPEND,
        IdentityCodec.suspendPayload("dr-alice", RevocationReason.UNSPECIFIED))).code()).isEqualTo("already-suspended");

    assertThat(commitOne(registrar.signer().sign(IdentityContract.REINSTATE, IdentityCodec.reinstatePayload("dr-alice")))
        .code()).isEqualTo("ok");
    assertThat(commitOne(alice.signer().sign(EchoContract.ECHO, bytes("back"))).code()).isEqualTo("ok");
    assertThat(commitOne(newKey.signer().sign(EchoContract.ECHO, bytes("back too"))).code()).isEqualTo("ok");
    assertThat(onChain("dr-alice").suspension()).isEmpty();
    assertThat(commitOne(registrar.signer().sign(IdentityContract.REINSTATE, IdentityCodec.reinstatePayload("dr-alice")))
        .code()).isEqualTo("not-suspended");
  }

  @Test
  void suspensionIsRefusedForUnknownRevokedOrOwnIdentitiesAndForNonRegistrars() throws Exception {
    assertThat(commitOne(registrar.signer().sign(IdentityContract.SUSPEND,
        IdentityCodec.suspendPayload("nobody", RevocationReason.UNSPECIFIED))).code()).isEqualTo("unknown-identity");
    String own = org.medledger.pki.IdentityExtension.decode(registrar.certificate()).name();
    assertThat(commitOne(registrar.signer().sign(IdentityContract.SUSPEND,
        IdentityCodec.suspendPayload(own, RevocationReason.UNSPECIFIED))).code()).isEqualTo("self-suspension");
    commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    commitOne(record(alice));
    assertThat(commitOne(alice.signer().sign(IdentityContract.SUSPEND,
        IdentityCodec.suspendPayload("dr-alice", RevocationReason.UNSPECIFIED))).code()).isEqualTo("role-not-allowed");
    commitOne(registrar.signer().sign(IdentityContract.REVOKE_IDENTITY,
        IdentityCodec.revokePayload("dr-alice", RevocationReason.UNSPECIFIED)));
    assertThat(commitOne(registrar.signer().sign(IdentityContract.SUSPEND,
        IdentityCodec.suspendPayload("dr-alice", RevocationReason.UNSPECIFIED))).code()).isEqualTo("already-revoked");
    assertThat(commitOne(registrar.signer().sign(IdentityContract.SUSPEND, new byte[] {1, 2, 3})).code())
        .isEqualTo("malformed-payload");
  }

  @Test
  void payloadsWithAnUnknownFieldAreNotCanonical() throws Exception {
    commitOne(register(registrar, IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    TestConsortium.Member alice = consortium.issue("st-mary", "dr-alice", Role.PHYSICIAN);
    commitOne(record(alice));
    byte[][] payloads = {
        appendUnknownField(IdentityCodec.revokePayload("dr-alice", RevocationReason.UNSPECIFIED)),
        appendUnknownField(IdentityCodec.suspendPayload("dr-alice", RevocationReason.UNSPECIFIED)),
        appendUnknownField(IdentityContract.revokePayload(CertificateCodec.fingerprint(alice.certificate()),
            RevocationReason.UNSPECIFIED))};
    org.medledger.ledger.tx.TransactionType[] types = {IdentityContract.REVOKE_IDENTITY, IdentityContract.SUSPEND,
        IdentityContract.REVOKE};
    for (int i = 0; i < payloads.length; i++) {
      assertThat(commitOne(registrar.signer().sign(types[i], payloads[i])).code()).as(types[i].id())
          .isEqualTo("malformed-payload");
    }
    assertThat(onChain("dr-alice").revocation()).isEmpty();
    assertThat(onChain("dr-alice").suspension()).isEmpty();
  }

  /** The payload followed by field 15 (varint 1), which no payload message defines. */
  private static byte[] appendUnknownField(byte[] payload) {
    byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 2);
    longer[payload.length] = (byte) (15 << 3);
    longer[payload.length + 1] = 1;
    return longer;
  }

  @Test
  void revokingAnUnregisteredIdentityFails() {
    assertThat(commitOne(registrar.signer().sign(IdentityContract.REVOKE_IDENTITY,
        IdentityCodec.revokePayload("nobody", RevocationReason.UNSPECIFIED))).code()).isEqualTo("unknown-identity");
  }

  @Test
  void malformedRegistrationPayloadsAreRefused() {
    byte[] unsortedAttributes = org.medledger.ledger.codec.pb.RegisterIdentity.newBuilder()
        .setName("dr-alice").setRole("physician")
        .addAttributes(org.medledger.ledger.codec.pb.Attribute.newBuilder().setKey("z").setValue("1"))
        .addAttributes(org.medledger.ledger.codec.pb.Attribute.newBuilder().setKey("a").setValue("2"))
        .build().toByteArray();
    byte[] upperCaseRole = org.medledger.ledger.codec.pb.RegisterIdentity.newBuilder()
        .setName("dr-alice").setRole("PHYSICIAN").build().toByteArray();
    byte[] badName = org.medledger.ledger.codec.pb.RegisterIdentity.newBuilder()
        .setName("dr/alice").setRole("physician").build().toByteArray();
    byte[] unknownField = appendUnknownField(IdentityCodec.registerPayload(
        IdentityClaims.of("dr-alice", Role.PHYSICIAN, ST_MARY)));
    for (byte[] payload : new byte[][] {unsortedAttributes, upperCaseRole, badName, unknownField, {1, 2, 3}}) {
      TransactionResult result = commitOne(registrar.signer().sign(IdentityContract.REGISTER, payload));
      assertThat(result.success()).isFalse();
      assertThat(result.code()).isEqualTo("malformed-payload");
    }
    assertThat(ledger.chain().state().get(IdentityKeys.identity(ST_MARY, "dr-alice"))).isEmpty();
  }

  @Test
  void identityEntriesRoundTrip() {
    IdentityEntry entry = IdentityEntry.registered(new IdentityClaims("n", Role.NURSE, ST_MARY,
        new TreeMap<>(Map.of("ward", "7"))), 4).withCertificate(org.medledger.ledger.Digest.sha256(bytes("c")));
    assertThat(IdentityCodec.decode(IdentityCodec.encode(entry), ST_MARY)).isEqualTo(entry);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
