package org.medledger.bench.policy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * A benchmark-only contract that fills the world state: {@code bench.records} with payload (first
 * index, count) writes {@code count} record entries {@code bench/record/<org>/p<patient>/<n>} of
 * {@value #VALUE_BYTES} bytes each (ten entries per patient, values derived from the index: the
 * same on every run). It stands for the records of other patients that a real chain holds (the
 * records contract comes with the records issue); the health contracts never read them.
 */
public final class RecordFillerContract implements Contract {
  public static final TransactionType FILL = TransactionType.of("bench.records");
  public static final int VALUE_BYTES = 96;
  public static final int ENTRIES_PER_PATIENT = 10;

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(FILL, Set.of(Role.REGISTRAR));
  }

  public static byte[] payload(long first, int count) {
    return ByteBuffer.allocate(12).putLong(first).putInt(count).array();
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (payload.length != 12 || ByteBuffer.wrap(payload).getInt(8) <= 0) {
      throw new ContractException("malformed-payload", "bench.records takes (first index, positive count)");
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    ByteBuffer payload = ByteBuffer.wrap(context.payload());
    long first = payload.getLong();
    int count = payload.getInt();
    for (long index = first; index < first + count; index++) {
      context.put(key(index), value(index));
    }
  }

  public static String key(long index) {
    long patient = index / ENTRIES_PER_PATIENT;
    String organisation = PatientFixture.ORGANISATIONS.get((int) (patient % 2));
    return String.format("bench/record/%s/p%08d/%02d", organisation, patient, index % ENTRIES_PER_PATIENT);
  }

  static byte[] value(long index) {
    byte[] value = new byte[VALUE_BYTES];
    new SplittableRandom(index).nextBytes(value);
    return value;
  }
}
