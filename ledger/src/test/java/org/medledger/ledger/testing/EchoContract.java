package org.medledger.ledger.testing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * A contract for tests: {@code test.echo} stores its payload under {@code test/<tx id>}; any role
 * but validator may send it. A payload "refuse" makes it fail; an empty payload is malformed.
 */
public final class EchoContract implements Contract {
  public static final TransactionType ECHO = TransactionType.of("test.echo");

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    Set<Role> people = EnumSet.allOf(Role.class);
    people.remove(Role.VALIDATOR);
    return Map.of(ECHO, people);
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (payload.length == 0) {
      throw new ContractException("malformed-payload", "empty echo");
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    context.put("test/" + context.transactionId().hex(), context.payload());
    if (new String(context.payload(), java.nio.charset.StandardCharsets.UTF_8).equals("refuse")) {
      throw new ContractException("refused", "the echo contract refuses 'refuse'");
    }
    context.emit("echoed", Map.of("by", context.signer().name()));
  }

  public static String key(org.medledger.ledger.Digest transactionId) {
    return "test/" + transactionId.hex();
  }
}
