package org.medledger.contracts.support;

import java.util.function.Supplier;
import org.medledger.ledger.codec.MalformedEncodingException;
import org.medledger.ledger.contract.ContractException;

/** Payload parsing for contracts: a codec's typed error becomes the refusal {@code malformed-payload}. */
public final class Payloads {
  public static final String MALFORMED = "malformed-payload";

  private Payloads() {}

  public static <T> T parse(Supplier<T> parser) throws ContractException {
    try {
      return parser.get();
    } catch (MalformedEncodingException e) {
      throw new ContractException(MALFORMED, e.getMessage());
    } catch (IllegalArgumentException e) {
      // a value the payload describes is invalid in context (e.g. a patient naming themself as delegate)
      throw new ContractException(MALFORMED, e.getMessage());
    }
  }
}
