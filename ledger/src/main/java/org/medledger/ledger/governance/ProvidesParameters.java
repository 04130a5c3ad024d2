package org.medledger.ledger.governance;

import java.util.List;

/**
 * A contract that reads governed parameters declares them: {@link
 * org.medledger.ledger.genesis.ConsortiumContracts} hands them to governance, which then accepts
 * proposals to change them.
 */
public interface ProvidesParameters {
  List<GovernedParameter> parameters();
}
