package org.medledger.bench.load;

import java.util.ArrayList;
import java.util.List;
import org.medledger.contracts.HealthContracts;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.testing.EchoContract;

/**
 * The contracts the bench validators run besides identity and governance: every health contract
 * (as {@code medledger node} runs them; the access workload needs them) and the test echo contract
 * (the default workload's).
 */
final class BenchContracts {
  private BenchContracts() {}

  static List<Contract> all() {
    List<Contract> contracts = new ArrayList<>(HealthContracts.all());
    contracts.add(new EchoContract());
    return List.copyOf(contracts);
  }
}
