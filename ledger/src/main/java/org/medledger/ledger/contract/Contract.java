package org.medledger.ledger.contract;

import java.util.Map;
import java.util.Set;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * A deterministic state machine run by every validator: no clock but the block time, no
 * randomness, no I/O, no iteration over unordered collections.
 */
public interface Contract {
  /** The transaction types this contract runs, and the roles that may send each. */
  Map<TransactionType, Set<Role>> permissions();

  /** Stateless check that a payload is well formed; cheap, run before anything else. */
  void checkPayload(TransactionType type, byte[] payload) throws ContractException;

  void execute(TxContext context) throws ContractException;
}
