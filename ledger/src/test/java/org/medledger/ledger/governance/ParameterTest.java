package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.NORTH_LAB;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * Governed parameters: declared by a contract, changed by M of N organisations, in force from the
 * transaction that carries the change out; unknown names and refused values change nothing.
 */
class ParameterTest {
  static final String LIMIT = "test.limit";

  /** Declares {@value #LIMIT} (a decimal number 1..99) and records, per transaction, the limit it sees. */
  static final class LimitContract implements Contract, ProvidesParameters {
    static final TransactionType SEE = TransactionType.of("limit.see");

    @Override
    public List<GovernedParameter> parameters() {
      return List.of(new GovernedParameter() {
        @Override
        public String name() {
          return LIMIT;
        }

        @Override
        public void check(byte[] value) {
          String text = new String(value, StandardCharsets.US_ASCII);
          if (!text.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException("a limit is a number from 1 to 99, not '" + text + "'");
          }
        }
      });
    }

    @Override
    public Map<TransactionType, Set<Role>> permissions() {
      Set<Role> people = EnumSet.allOf(Role.class);
      people.remove(Role.VALIDATOR);
      return Map.of(SEE, people);
    }

    @Override
    public void checkPayload(TransactionType type, byte[] payload) {}

    @Override
    public void execute(TxContext context) throws ContractException {
      byte[] seen = context.get(GovernanceKeys.parameter(LIMIT)).orElse("none".getBytes(StandardCharsets.US_ASCII));
      context.put("limit/" + context.transactionId().hex(), seen);
    }
  }

  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations(List.of(new LimitContract()));

  private static GovernanceAction.SetParameter limit(String value) {
    return new GovernanceAction.SetParameter(LIMIT, value.getBytes(StandardCharsets.US_ASCII));
  }

  private Optional<String> limitInState() {
    return network.ledger.state().get(GovernanceKeys.parameter(LIMIT))
        .map(b -> new String(b, StandardCharsets.US_ASCII));
  }

  private SignedTransaction see(String organisation) {
    return network.registrar(organisation).signer().sign(LimitContract.SEE,
        ("look " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
  }

  private String seenBy(SignedTransaction see) {
    return new String(network.ledger.state().get("limit/" + see.id().hex()).orElseThrow(),
        StandardCharsets.US_ASCII);
  }

  private static void assertRefusedAndNothingChanged(ExecutedBlock block, String code) {
    TransactionResult result = block.block().results().get(0);
    assertThat(result.success()).isFalse();
    assertThat(result.code()).as(result.message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).as("state changes of a refused transaction").isTrue();
  }

  @Test
  void consortiumContractsHandGovernanceTheDeclaredParameters() {
    GovernanceContract governance = GovernanceContract.majority(new IdentityDirectory(), 3,
        new LimitContract().parameters());
    assertThat(governance.parameterNames()).containsExactly(LIMIT);
    assertThatIllegalArgumentException().isThrownBy(() -> GovernanceContract.majority(new IdentityDirectory(), 3,
        List.of(new LimitContract().parameters().get(0), new LimitContract().parameters().get(0))));
  }

  @Test
  void aChangeApprovedByTwoOfThreeOrganisationsAppliesFromTheApprovingTransaction() {
    SignedTransaction propose = network.propose(CITY_CLINIC, limit("7"));
    assertThat(network.commitOne(propose).code()).isEqualTo("ok");
    assertThat(limitInState()).isEmpty();

    SignedTransaction before = see(ST_MARY);
    SignedTransaction approve = network.approve(NORTH_LAB, propose.id());
    SignedTransaction after = see(ST_MARY);
    ExecutedBlock block = network.commit(before, approve, after);
    assertThat(block.block().results()).extracting(TransactionResult::code).containsExactly("ok", "ok", "ok");

    assertThat(limitInState()).contains("7");
    assertThat(seenBy(before)).isEqualTo("none");
    assertThat(seenBy(after)).isEqualTo("7");
    TransactionResult approval = block.block().results().get(1);
    Event set = GovernanceNetwork.event(approval, GovernanceContract.PARAMETER_SET);
    assertThat(set.attributes()).isEqualTo(Map.of("name", LIMIT,
        "digest", Digest.sha256("7".getBytes(StandardCharsets.US_ASCII)).hex()));
    assertThat(GovernanceNetwork.event(approval, "governance.executed").attributes())
        .containsEntry("action", "parameter.set");
    assertThat(network.proposal(propose.id()).orElseThrow().executedHeight()).hasValue(network.height());
    // the validator set is untouched
    assertThat(network.history().epochs()).hasSize(1);

    SignedTransaction later = see(CITY_CLINIC);
    network.commitOk(later);
    assertThat(seenBy(later)).isEqualTo("7");
  }

  @Test
  void aParameterChangeCanFollowAnother() {
    SignedTransaction first = network.propose(ST_MARY, limit("7"));
    network.commitOk(first);
    network.commitOk(network.approve(CITY_CLINIC, first.id()));
    SignedTransaction second = network.propose(NORTH_LAB, limit("12"));
    network.commitOk(second);
    assertThat(limitInState()).contains("7");
    network.commitOk(network.approve(ST_MARY, second.id()));
    assertThat(limitInState()).contains("12");
  }

  @Test
  void anUnknownParameterIsRefusedWithNothingChanged() {
    assertRefusedAndNothingChanged(network.commit(network.propose(ST_MARY,
        new GovernanceAction.SetParameter("no.such", new byte[] {1}))), "unknown-parameter");
  }

  @Test
  void aValueTheParameterRefusesIsRefusedWithNothingChanged() {
    ExecutedBlock block = network.commit(network.propose(ST_MARY, limit("100")));
    assertRefusedAndNothingChanged(block, "invalid-parameter");
    assertThat(block.block().results().get(0).message()).contains("a limit is a number from 1 to 99");
    assertThat(limitInState()).isEmpty();
  }

  @Test
  void onChainsWithoutTheDeclaringContractEveryParameterIsUnknown() {
    GovernanceNetwork plain = GovernanceNetwork.threeOrganisations();
    ExecutedBlock block = plain.commit(plain.propose(ST_MARY, limit("7")));
    assertRefusedAndNothingChanged(block, "unknown-parameter");
  }

  @Test
  void onlyRegistrarsProposeParameterChanges() {
    Member physician = network.consortium.issue(ST_MARY, "dr-alice", Role.PHYSICIAN);
    network.commitOk(network.record(physician));
    ExecutedBlock block = network.commit(GovernanceNetwork.propose(physician, limit("7")));
    TransactionResult result = block.block().results().get(0);
    assertThat(result.success()).isFalse();
    assertThat(block.changes().isEmpty()).isTrue();
    assertThat(limitInState()).isEmpty();
  }
}
