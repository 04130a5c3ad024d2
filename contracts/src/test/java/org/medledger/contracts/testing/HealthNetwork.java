package org.medledger.contracts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.medledger.contracts.HealthContracts;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessKeys;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestLedger;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * A health network for contract tests: two organisations (st-mary, city-clinic) on a {@link
 * TestLedger}, people enrolled on chain (registered by their registrar, certificate recorded),
 * and shorthands for the transactions the tests send.
 */
public final class HealthNetwork {
  public static final String ST_MARY = "st-mary";
  public static final String CITY = "city-clinic";

  private final TestConsortium consortium;
  private final TestLedger ledger;

  public HealthNetwork() {
    this(TestConsortium.standard());
  }

  public HealthNetwork(TestConsortium consortium) {
    this.consortium = consortium;
    this.ledger = new TestLedger(consortium, HealthContracts.all());
  }

  public TestConsortium consortium() {
    return consortium;
  }

  public TestLedger ledger() {
    return ledger;
  }

  public TestConsortium.Member registrar(String organisation) {
    return consortium.registrar(organisation);
  }

  /** Registers {@code name} at {@code organisation} with {@code role} and records a certificate for them: one block. */
  public TestConsortium.Member enrol(String organisation, String name, Role role) throws Exception {
    TestConsortium.Member registrar = consortium.registrar(organisation);
    TestConsortium.Member member = consortium.issue(organisation, name, role);
    ExecutedBlock block = ledger.commit(
        registrar.signer().sign(IdentityContract.REGISTER,
            IdentityCodec.registerPayload(IdentityClaims.of(name, role, OrganisationId.of(organisation)))),
        registrar.signer().sign(IdentityContract.RECORD, member.certificate().getEncoded()));
    assertThat(block.block().results()).extracting(TransactionResult::code).containsExactly("ok", "ok");
    return member;
  }

  // ---- transactions

  public static SignedTransaction grant(TestConsortium.Member by, PatientId patient, Period period,
      Provision provision) {
    return by.signer().sign(ConsentGrantContract.GRANT,
        ConsentCodec.grantPayload(patient, period, provision, Optional.empty()));
  }

  public static SignedTransaction grant(TestConsortium.Member by, PatientId patient, Provision provision) {
    return grant(by, patient, Period.ALWAYS, provision);
  }

  public static SignedTransaction request(TestConsortium.Member by, PatientId patient, Action action,
      PurposeOfUse purpose, DataClass dataClass, SecurityLabel... labels) {
    return request(by, new RequestPayload(patient, action, purpose, dataClass, Set.of(labels),
        patient.organisation(), false));
  }

  public static SignedTransaction request(TestConsortium.Member by, RequestPayload payload) {
    return by.signer().sign(AccessRequestContract.REQUEST, AccessCodec.requestPayload(payload));
  }

  // ---- results

  /** The one transaction's result in a block. */
  public static TransactionResult only(ExecutedBlock block) {
    assertThat(block.block().results()).hasSize(1);
    return block.block().results().get(0);
  }

  /** The decision recorded on chain for an access request. */
  public DecisionRecord decision(SignedTransaction request) {
    return ledger.state().get(AccessKeys.decision(request.id().hex())).map(AccessCodec::decodeDecision)
        .orElseThrow(() -> new AssertionError("no decision recorded for " + request.id()));
  }

  /** Commits one access request and returns its decision, checking that the transaction succeeded. */
  public DecisionRecord ask(SignedTransaction request) {
    TransactionResult result = only(ledger.commit(request));
    assertThat(result.code()).as(result.message()).isEqualTo("ok");
    return decision(request);
  }

  public DecisionRecord askAt(Instant time, SignedTransaction request) {
    TransactionResult result = only(ledger.commitAt(time, request));
    assertThat(result.code()).as(result.message()).isEqualTo("ok");
    return decision(request);
  }
}
