package org.medledger.node;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * A test-only contract anyone may call: {@code test.echo} stores its payload under
 * {@code test/echo/<tx id>} and emits {@code echoed}; {@code test.fail} is always refused by the
 * contract (committed with a failed result).
 */
public final class EchoContract implements Contract {
  public static final TransactionType ECHO = TransactionType.of("test.echo");
  public static final TransactionType FAIL = TransactionType.of("test.fail");

  public static String key(org.medledger.ledger.Digest transactionId) {
    return "test/echo/" + transactionId.hex();
  }

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(ECHO, EnumSet.allOf(Role.class), FAIL, EnumSet.allOf(Role.class));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (payload.length == 0 || payload.length > 1024) {
      throw new ContractException("malformed-payload", "a test payload holds 1-1024 bytes");
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    if (context.type().equals(FAIL)) {
      throw new ContractException("test-refused", "the test contract refuses this on purpose");
    }
    byte[] payload = context.payload();
    context.put(key(context.transactionId()), payload);
    context.emit("echoed", Map.of("bytes", Integer.toString(payload.length)));
  }
}
