package org.medledger.ledger.genesis;

import java.util.ArrayList;
import java.util.List;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.GovernedParameter;
import org.medledger.ledger.governance.ProvidesParameters;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.identity.IdentityDirectory;

/**
 * The contracts every chain runs — the identity registry and governance, decided by a majority of
 * the genesis's organisations — followed by any others the caller adds. Governance may change the
 * parameters that those others declare ({@link ProvidesParameters}).
 */
public final class ConsortiumContracts {
  private ConsortiumContracts() {}

  public static ContractRegistry of(Genesis genesis, IdentityDirectory identities, List<Contract> others) {
    List<Contract> contracts = new ArrayList<>();
    contracts.add(new IdentityContract(identities));
    List<GovernedParameter> parameters = new ArrayList<>();
    for (Contract other : others) {
      if (other instanceof ProvidesParameters provider) {
        parameters.addAll(provider.parameters());
      }
    }
    contracts.add(GovernanceContract.majority(identities, genesis.organisations().size(), parameters));
    contracts.addAll(others);
    return new ContractRegistry(contracts);
  }
}
