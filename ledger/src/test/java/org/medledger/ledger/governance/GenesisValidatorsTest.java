package org.medledger.ledger.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.genesis.ConsortiumContracts;
import org.medledger.ledger.genesis.Genesis;
import org.medledger.ledger.genesis.GenesisBlock;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;
import org.medledger.ledger.testing.InMemoryChain;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.pki.Pem;
import org.medledger.pki.Role;

/** Block 0 starts the validator history with the genesis validators; every chain runs governance. */
class GenesisValidatorsTest {
  private final TestConsortium consortium = TestConsortium.of(List.of("st-mary", "city-clinic", "north-lab"), 4);
  private final Genesis genesis = consortium.genesis();

  @Test
  void genesisBlockWritesTheGenesisValidatorsFromBlockZero() {
    ExecutedBlock block = GenesisBlock.of(genesis);

    byte[] stored = block.changes().writes().get(GovernanceKeys.VALIDATORS).orElseThrow();
    ValidatorHistory history = GovernanceCodec.decodeHistory(stored);
    assertThat(history.epochs()).hasSize(1);
    ValidatorSet set = history.current();
    assertThat(set.fromHeight()).isZero();
    assertThat(set.ids()).containsExactly("validator-1", "validator-2", "validator-3", "validator-4");
    for (Genesis.Validator validator : genesis.validators()) {
      ValidatorInfo info = set.get(validator.id()).orElseThrow();
      assertThat(info.organisation()).isEqualTo(validator.organisation());
      assertThat(info.certificate()).isEqualTo(validator.identity());
      assertThat(info.tlsCertificate()).isEqualTo(Pem.certificate(validator.tlsCertificate()));
      assertThat(info.address()).as("genesis validators' addresses are in the nodes' configuration").isEmpty();
    }
    assertThat(set.validators()).extracting(ValidatorInfo::organisation)
        .containsExactly("st-mary", "city-clinic", "north-lab", "st-mary");
    assertThat(history).isEqualTo(ValidatorHistory.of(genesis));
  }

  @Test
  void theHistoryIsReadFromTheStateOfAChain() {
    InMemoryChain chain = InMemoryChain.startingWith(GenesisBlock.of(genesis));
    assertThat(ValidatorHistory.read(chain.state())).contains(ValidatorHistory.of(genesis));
    assertThat(ValidatorHistory.read(key -> java.util.Optional.empty())).isEmpty();
  }

  @Test
  void everyChainRunsIdentityAndGovernanceDecidedByAMajority() {
    ContractRegistry contracts = ConsortiumContracts.of(genesis, new IdentityDirectory(), List.of());
    assertThat(contracts.allowedRoles(GovernanceContract.PROPOSE)).containsExactly(Role.REGISTRAR);
    assertThat(contracts.allowedRoles(GovernanceContract.APPROVE)).containsExactly(Role.REGISTRAR);
    assertThat(contracts.allowedRoles(IdentityContract.RECORD)).containsExactly(Role.REGISTRAR);
    assertThat(contracts.contractFor(GovernanceContract.PROPOSE)).get()
        .isInstanceOfSatisfying(GovernanceContract.class, g -> assertThat(g.threshold()).isEqualTo(2));
  }
}
