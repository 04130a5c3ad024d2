package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.governance.GovernanceNetwork.Candidate;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * Signed governance transactions whose payloads are not the canonical encoding of a valid
 * proposal or approval fail with {@code malformed-payload} in their block and change nothing —
 * in particular, no malformed approval counts towards an open proposal.
 */
class MalformedGovernanceTransactionTest {
  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();

  private void assertMalformedAndNothingChanged(String what, ExecutedBlock block) {
    TransactionResult result = block.block().results().get(0);
    assertThat(result.code()).as("%s: %s", what, result.message()).isEqualTo("malformed-payload");
    assertThat(block.changes().isEmpty()).as("%s changed the state", what).isTrue();
  }

  @Test
  void malformedProposalsAreRefused() {
    Candidate candidate = network.enrolled(ST_MARY, "validator-4");
    ValidatorHistory before = network.history();

    for (Map.Entry<String, byte[]> payload : MalformedPayloads.proposals(candidate.at("validator-4.example:7000"))
        .entrySet()) {
      SignedTransaction tx = network.registrar(ST_MARY).signer().sign(GovernanceContract.PROPOSE, payload.getValue());
      assertMalformedAndNothingChanged(payload.getKey(), network.commit(tx));
      assertThat(network.proposal(tx.id())).as(payload.getKey()).isEmpty();
    }
    assertThat(network.history()).isEqualTo(before);
  }

  @Test
  void malformedApprovalsAreRefusedAndDoNotCount() {
    Digest proposal = network.commitOk(network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-3")));
    ValidatorHistory before = network.history();

    for (Map.Entry<String, byte[]> payload : MalformedPayloads.approvals(proposal).entrySet()) {
      SignedTransaction tx = network.registrar(CITY_CLINIC).signer().sign(GovernanceContract.APPROVE,
          payload.getValue());
      assertMalformedAndNothingChanged(payload.getKey(), network.commit(tx));
    }
    assertThat(network.proposal(proposal).orElseThrow().approvals()).containsExactly(ST_MARY);
    assertThat(network.history()).isEqualTo(before);

    assertThat(network.commitOne(network.approve(CITY_CLINIC, proposal)).code())
        .as("the well-formed approval still counts").isEqualTo("ok");
  }
}
