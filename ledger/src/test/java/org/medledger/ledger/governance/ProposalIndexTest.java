package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medledger.ledger.governance.GovernanceNetwork.CITY_CLINIC;
import static org.medledger.ledger.governance.GovernanceNetwork.NORTH_LAB;
import static org.medledger.ledger.governance.GovernanceNetwork.ST_MARY;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.Digest;
import org.medledger.ledger.block.TransactionResult;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.SignedTransaction;

/**
 * The index of proposals: every proposal on chain is listed once, in the order made, newest first
 * when read; approvals and refused proposals add nothing; the genesis lists none.
 */
class ProposalIndexTest {
  private final GovernanceNetwork network = GovernanceNetwork.threeOrganisations();

  private StateView state() {
    return network.ledger.chain().state();
  }

  @Test
  void theGenesisMakesNoProposalAndKeepsNoIndex() {
    assertThat(state().get(GovernanceKeys.PROPOSALS)).isEmpty();
    assertThat(ProposalIndex.count(state())).isZero();
    assertThat(ProposalIndex.latest(state(), 100)).isEmpty();
  }

  @Test
  void proposalsAreListedNewestFirstOnceEachWhateverTheirApprovals() {
    Digest first = network.commitOk(network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-3")));
    Digest second = network.commitOk(network.propose(CITY_CLINIC, new GovernanceAction.RemoveValidator("validator-1")));
    network.commitOk(network.approve(NORTH_LAB, first)); // carries the first out: no new entry
    Digest third = network.commitOk(network.propose(NORTH_LAB, new GovernanceAction.RemoveValidator("validator-2")));

    assertThat(ProposalIndex.count(state())).isEqualTo(3);
    assertThat(ProposalIndex.latest(state(), 100)).containsExactly(third, second, first);
    assertThat(ProposalIndex.latest(state(), 2)).containsExactly(third, second);
    assertThat(ProposalIndex.latest(state(), 0)).isEmpty();
    assertThat(network.proposal(first).orElseThrow().isOpen()).isFalse();
  }

  @Test
  void twoProposalsInOneBlockAreListedInTheirOrderInTheBlock() {
    SignedTransaction a = network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-3"));
    SignedTransaction b = network.propose(CITY_CLINIC, new GovernanceAction.RemoveValidator("validator-1"));
    ExecutedBlock block = network.commit(a, b);
    assertThat(block.block().results()).extracting(TransactionResult::code).containsExactly("ok", "ok");

    assertThat(ProposalIndex.latest(state(), 10)).containsExactly(b.id(), a.id());
    assertThat(state().get(GovernanceKeys.proposalAt(0))).map(GovernanceCodec::decodeProposalId).contains(a.id());
  }

  @Test
  void aRefusedProposalIsNotListed() {
    TransactionResult refused = network.commitOne(network.propose(ST_MARY,
        new GovernanceAction.RemoveValidator("no-such-validator")));
    assertThat(refused.code()).isEqualTo("not-validator");
    assertThat(ProposalIndex.count(state())).isZero();
    assertThat(state().get(GovernanceKeys.PROPOSALS)).isEmpty();
  }

  @Test
  void everyListedIdNamesAProposalOnChain() {
    network.commitOk(network.propose(ST_MARY, new GovernanceAction.RemoveValidator("validator-3")));
    network.commitOk(network.propose(CITY_CLINIC, new GovernanceAction.RemoveValidator("validator-2")));
    for (Digest id : ProposalIndex.latest(state(), 10)) {
      assertThat(network.proposal(id)).as(id.hex()).isPresent();
    }
  }

  @Test
  void aCountedButMissingEntryIsReportedAsDamage() {
    Map<String, byte[]> values = new HashMap<>();
    values.put(GovernanceKeys.PROPOSALS, GovernanceCodec.encodeProposalCount(2));
    values.put(GovernanceKeys.proposalAt(1), GovernanceCodec.encodeProposalId(Digest.sha256(new byte[] {1})));
    StateView damaged = key -> Optional.ofNullable(values.get(key));

    assertThat(ProposalIndex.latest(damaged, 1)).hasSize(1);
    assertThatThrownBy(() -> ProposalIndex.latest(damaged, 2)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("proposal 0");
  }

  @Test
  void theIndexEncodingsAreCanonical() {
    assertThat(GovernanceCodec.decodeProposalCount(GovernanceCodec.encodeProposalCount(7))).isEqualTo(7);
    assertThat(GovernanceCodec.encodeProposalCount(1)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
    assertThatThrownBy(() -> GovernanceCodec.decodeProposalCount(new byte[] {1}))
        .isInstanceOf(MalformedEncodingException.class);
    assertThatThrownBy(() -> GovernanceCodec.decodeProposalCount(new byte[] {-1, 0, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(MalformedEncodingException.class);
    assertThatThrownBy(() -> GovernanceCodec.encodeProposalCount(-1)).isInstanceOf(IllegalArgumentException.class);
    Digest id = Digest.sha256(new byte[] {42});
    assertThat(GovernanceCodec.decodeProposalId(GovernanceCodec.encodeProposalId(id))).isEqualTo(id);
    assertThatThrownBy(() -> GovernanceCodec.decodeProposalId(new byte[31]))
        .isInstanceOf(MalformedEncodingException.class);
    assertThat(GovernanceKeys.proposalAt(12)).isEqualTo("governance/proposals/000000000012");
    assertThatThrownBy(() -> GovernanceKeys.proposalAt(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> ProposalIndex.latest(state(), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
