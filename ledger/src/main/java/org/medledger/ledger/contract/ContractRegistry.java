package org.medledger.ledger.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/** Which contract runs which transaction type. Built once; immutable. */
public final class ContractRegistry {
  private final Map<TransactionType, Contract> byType;

  public ContractRegistry(List<Contract> contracts) {
    Map<TransactionType, Contract> map = new TreeMap<>(java.util.Comparator.comparing(TransactionType::id));
    for (Contract contract : contracts) {
      for (TransactionType type : contract.permissions().keySet()) {
        if (map.put(type, contract) != null) {
          throw new IllegalArgumentException("two contracts claim " + type);
        }
      }
    }
    this.byType = map;
  }

  public Optional<Contract> contractFor(TransactionType type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The roles allowed to send a type; empty for unknown types. */
  public Set<Role> allowedRoles(TransactionType type) {
    Contract contract = byType.get(type);
    return contract == null ? Set.of() : contract.permissions().get(type);
  }
}
