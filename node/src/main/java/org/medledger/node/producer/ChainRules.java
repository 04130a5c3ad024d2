package org.medledger.node.producer;

import java.util.Objects;
import org.medledger.ledger.contract.ContractRegistry;
import org.medledger.ledger.identity.IdentityDirectory;

/**
 * What this node checks and runs on its chain: the chain id, the contracts by transaction type,
 * the node's own identity directory and the transaction size limit. Admission and block execution
 * are built from the same instance, so they never disagree.
 */
public record ChainRules(
    String chainId, ContractRegistry contracts, IdentityDirectory identities, int maxTransactionBytes) {

  public ChainRules {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(contracts, "contracts");
    Objects.requireNonNull(identities, "identities");
    if (maxTransactionBytes < 1) {
      throw new IllegalArgumentException("the transaction size limit must be positive");
    }
  }
}
