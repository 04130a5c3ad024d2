package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.only;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.pb.ParameterChange;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.governance.GovernanceAction;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.GovernanceKeys;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.Role;

/**
 * The policy is a governed parameter: two of the three organisations change it, and it applies
 * from the transaction that carries the change out.
 */
class PolicyGovernanceTest {
  private static final String NORTH = "north-lab";
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");
  private static final String POLICY_KEY = GovernanceKeys.parameter(PolicyParameter.NAME);

  private final HealthNetwork network =
      new HealthNetwork(TestConsortium.of(List.of(ST_MARY, CITY, NORTH), 1));
  private Member alice;
  private Member drDan;
  private Member insurer;

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    drDan = network.enrol(CITY, "dr-dan", Role.PHYSICIAN);
    insurer = network.enrol(CITY, "acme-claims", Role.INSURER);
  }

  private SignedTransaction propose(Member by, GovernanceAction action) {
    return by.signer().sign(GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(action));
  }

  private SignedTransaction approve(String organisation, Digest proposal) {
    return network.registrar(organisation).signer().sign(GovernanceContract.APPROVE,
        GovernanceCodec.approvePayload(proposal));
  }

  private void ok(ExecutedBlock block) {
    for (TransactionResult result : block.block().results()) {
      assertThat(result.code()).as(result.message()).isEqualTo("ok");
    }
  }

  /** Proposed by st-mary in one block; returns the proposal's id. The policy does not change yet. */
  private Digest proposed(PolicyParameters policy) {
    SignedTransaction propose = propose(network.registrar(ST_MARY), PolicyParameter.set(policy));
    ok(network.ledger().commit(propose));
    assertThat(network.ledger().state().get(POLICY_KEY)).isEmpty();
    return propose.id();
  }

  private SignedTransaction breakGlass() {
    return drDan.signer().sign(BreakGlassContract.BREAK_GLASS,
        AccessCodec.breakGlassPayload(ALICE, "unconscious in A&E"));
  }

  private BreakGlassRecord grantOf(SignedTransaction declaring) {
    return BreakGlassGrants.grant(network.ledger().state(), declaring.id().hex()).orElseThrow();
  }

  @Test
  void untilGovernanceSetsAPolicyTheDefaultsApply() {
    StateView state = network.ledger().state();
    assertThat(state.get(POLICY_KEY)).isEmpty();
    assertThat(PolicySource.governed().at(state)).isEqualTo(PolicyParameters.defaults());
  }

  @Test
  void aShorterBreakGlassDurationAppliesFromTheBlockThatCarriesItOut() {
    Duration old = PolicyParameters.defaults().breakGlassDuration();
    Duration shorter = Duration.ofMinutes(30);
    Digest proposal = proposed(PolicyParameters.defaults().withBreakGlassDuration(shorter));

    SignedTransaction before = breakGlass();
    ExecutedBlock beforeBlock = network.ledger().commit(before);
    ok(beforeBlock);
    Instant beforeTime = beforeBlock.block().header().timestamp();

    // in one block: a declaration before the approval that carries the change out, and one after
    SignedTransaction sameBlockBefore = breakGlass();
    SignedTransaction approval = approve(CITY, proposal);
    SignedTransaction sameBlockAfter = breakGlass();
    ExecutedBlock changing = network.ledger().commit(sameBlockBefore, approval, sameBlockAfter);
    ok(changing);
    Instant changeTime = changing.block().header().timestamp();
    assertThat(changing.block().results().get(1).events()).anySatisfy(event -> {
      assertThat(event.name()).isEqualTo(GovernanceContract.PARAMETER_SET);
      assertThat(event.attributes()).containsEntry("name", "policy").containsEntry("digest",
          Digest.sha256(network.ledger().state().get(POLICY_KEY).orElseThrow()).hex());
    });

    SignedTransaction after = breakGlass();
    ExecutedBlock afterBlock = network.ledger().commit(after);
    ok(afterBlock);
    Instant afterTime = afterBlock.block().header().timestamp();

    assertThat(grantOf(before).expiresAt()).isEqualTo(beforeTime.plus(old));
    assertThat(grantOf(sameBlockBefore).expiresAt()).isEqualTo(changeTime.plus(old));
    assertThat(grantOf(sameBlockAfter).expiresAt()).isEqualTo(changeTime.plus(shorter));
    assertThat(grantOf(after).expiresAt()).isEqualTo(afterTime.plus(shorter));
    assertThat(PolicySource.governed().at(network.ledger().state()).breakGlassDuration()).isEqualTo(shorter);

    // the grant made before the change still permits until its own (old) expiry: it stays dr-dan's
    // grant in force, since it outlasts the shorter ones declared after it
    assertThat(BreakGlassGrants.inForce(network.ledger().state(), Party.person(CITY, "dr-dan"), ALICE))
        .map(BreakGlassRecord::id).hasValue(sameBlockBefore.id().hex());
    SignedTransaction read = request(drDan, ALICE, Action.READ, PurposeOfUse.ETREAT, DataClass.CONDITION);
    Decision late = network.askAt(afterTime.plus(Duration.ofHours(1)), read).decision();
    assertThat(late.isPermit()).isTrue();
  }

  @Test
  void removingTheInsurersPaymentRuleDeniesFromItsBlock() {
    network.ledger().commit(grant(alice, ALICE, Provision.permit().actors(Party.organisation(CITY))
        .purposes(PurposeOfUse.HPAYMT).classes(DataClass.CLAIM, DataClass.COVERAGE).build()));
    SignedTransaction first = request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM);
    assertThat(network.ask(first).decision().reason()).isEqualTo(ReasonCode.CONSENT);

    Digest proposal = proposed(PolicyParameters.defaults().withoutRule(Role.INSURER, PurposeOfUse.HPAYMT));
    SignedTransaction stillPermitted = request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM);
    assertThat(network.ask(stillPermitted).decision().isPermit()).isTrue();

    SignedTransaction sameBlockBefore = request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.COVERAGE);
    SignedTransaction approval = approve(NORTH, proposal);
    SignedTransaction sameBlockAfter = request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM);
    ok(network.ledger().commit(sameBlockBefore, approval, sameBlockAfter));
    assertThat(network.decision(sameBlockBefore).decision().isPermit()).isTrue();
    Decision denied = network.decision(sameBlockAfter).decision();
    assertThat(denied.isPermit()).isFalse();
    assertThat(denied.reason()).isEqualTo(ReasonCode.ROLE_HAS_NO_ACCESS);

    Decision later = network.ask(request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM))
        .decision();
    assertThat(later.isPermit()).isFalse();
  }

  private void assertRefusedAndNothingChanged(SignedTransaction tx, String code) {
    ExecutedBlock block = network.ledger().commit(tx);
    TransactionResult result = only(block);
    assertThat(result.success()).isFalse();
    assertThat(result.code()).as(result.message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).as("state changes of a refused transaction").isTrue();
    assertThat(network.ledger().state().get(POLICY_KEY)).isEmpty();
  }

  @Test
  void anUnknownParameterIsRefused() {
    assertRefusedAndNothingChanged(propose(network.registrar(CITY),
        new GovernanceAction.SetParameter("policy.v2", PolicyParametersCodec.encode(PolicyParameters.defaults()))),
        "unknown-parameter");
  }

  @Test
  void aValueThatIsNoValidPolicyIsRefused() {
    byte[] notAPolicy = ParameterChange.newBuilder().setName("x").build().toByteArray();
    assertRefusedAndNothingChanged(propose(network.registrar(CITY),
        new GovernanceAction.SetParameter(PolicyParameter.NAME, notAPolicy)), "invalid-parameter");
    byte[] canonical = PolicyParametersCodec.encode(PolicyParameters.defaults());
    byte[] withUnknownField = java.util.Arrays.copyOf(canonical, canonical.length + 2);
    withUnknownField[canonical.length] = (byte) 0x78;
    withUnknownField[canonical.length + 1] = 1;
    assertRefusedAndNothingChanged(propose(network.registrar(CITY),
        new GovernanceAction.SetParameter(PolicyParameter.NAME, withUnknownField)), "invalid-parameter");
  }

  @Test
  void aNonRegistrarCannotProposeAPolicy() throws Exception {
    Member physician = network.enrol(ST_MARY, "dr-alice", Role.PHYSICIAN);
    ExecutedBlock block = network.ledger().commit(propose(physician,
        PolicyParameter.set(PolicyParameters.defaults().withBreakGlassDuration(Duration.ofMinutes(1)))));
    assertThat(only(block).success()).isFalse();
    assertThat(block.changes().isEmpty()).isTrue();
    assertThat(network.ledger().state().get(POLICY_KEY)).isEmpty();
  }

  @Test
  void theGovernedSourceDecodesEachValueOnce() {
    PolicySource source = PolicySource.governed();
    byte[] bytes = PolicyParametersCodec.encode(PolicyParameters.defaults().withBreakGlassDuration(
        Duration.ofMinutes(5)));
    StateView one = key -> key.equals(POLICY_KEY) ? java.util.Optional.of(bytes.clone()) : java.util.Optional.empty();
    PolicyParameters first = source.at(one);
    assertThat(first.breakGlassDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(source.at(one)).isSameAs(first);
  }
}
