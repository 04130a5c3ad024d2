package org.medledger.contracts.consent;

import java.util.Map;
import java.util.Set;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * {@code consent.revoke}: the patient, or an active delegate, withdraws a consent. It is inactive
 * from this transaction on, also for later transactions of the same block (the write moves the
 * patient's {@link ConsentVersion} on). Refusals: {@code unknown-consent}, {@code not-patient},
 * {@code already-revoked}.
 */
public final class ConsentRevokeContract implements Contract {
  public static final TransactionType REVOKE = TransactionType.of("consent.revoke");

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(REVOKE, Set.of(Role.PATIENT));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    Payloads.parse(() -> ConsentCodec.parseRevoke(payload));
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    String id = Payloads.parse(() -> ConsentCodec.parseRevoke(context.payload()));
    ConsentRecord record = context.get(ConsentKeys.consent(id)).map(ConsentCodec::decodeConsent).orElseThrow(() ->
        new ContractException("unknown-consent", "no consent " + id + " on chain"));
    // Revoking only narrows access: any active delegate of the patient may do it.
    Party.Person by = PatientActor.require(context, record.consent().patient(), delegation -> true);
    if (record.revocation().isPresent()) {
      throw new ContractException("already-revoked", "consent " + id + " was revoked at height "
          + record.revocation().get().height());
    }
    ConsentVersion.put(context, record.consent().patient(), ConsentKeys.consent(id), ConsentCodec.encode(
        record.revoked(new ConsentRecord.Revocation(context.blockHeight(), context.blockTime(), by))));
    context.emit("consent.revoked", Map.of("consent", id, "patient", record.consent().patient().name(),
        "patient-organisation", record.consent().patient().organisation().value(), "revoked-by", by.toString()));
  }
}
