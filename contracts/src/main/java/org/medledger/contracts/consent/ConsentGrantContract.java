package org.medledger.contracts.consent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.medledger.contracts.codec.IdListCodec;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.support.OnChainIdentities;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * {@code consent.grant}: a patient, or their delegate within the delegation's scope, grants a
 * consent. The consent's id is the transaction's id; it is kept under {@code consent/c/<id>} and
 * added to the patient's sorted index of consent ids, from which the policy decision point lists
 * them; both writes move the patient's {@link ConsentVersion} on. Refusals: {@code
 * malformed-payload} (unknown codes, a period ending before it starts), {@code unknown-patient},
 * {@code not-patient} (a patient granting for someone else), {@code outside-delegation-scope},
 * {@code unknown-identity} and {@code unknown-organisation} (an actor the chain does not know).
 */
public final class ConsentGrantContract implements Contract {
  public static final TransactionType GRANT = TransactionType.of("consent.grant");

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(GRANT, Set.of(Role.PATIENT));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    Payloads.parse(() -> ConsentCodec.parseGrant(payload));
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    ConsentGrant grant = Payloads.parse(() -> ConsentCodec.parseGrant(context.payload()));
    StateView state = context::get;
    OnChainIdentities.requirePatient(state, grant.patient());
    Party.Person by = PatientActor.require(context, grant.patient(),
        delegation -> DelegationScope.covers(delegation, grant.provision()));
    OnChainIdentities.requireActors(state, grant.provision());
    String id = context.transactionId().hex();
    Consent consent = Payloads.parse(() -> grant.toConsent(id));
    List<String> ids = Consents.ids(state, grant.patient());
    ConsentVersion.put(context, grant.patient(), ConsentKeys.consent(id), ConsentCodec.encode(
        new ConsentRecord(consent, grant.fhirSha256(), context.blockHeight(), by, Optional.empty())));
    ConsentVersion.put(context, grant.patient(), ConsentKeys.index(grant.patient()),
        IdListCodec.encode(IdListCodec.with(ids, id)));
    Map<String, String> event = new TreeMap<>(Map.of("consent", id,
        "patient", grant.patient().name(), "patient-organisation", grant.patient().organisation().value(),
        "granted-by", by.toString()));
    grant.fhirSha256().ifPresent(d -> event.put("fhir-sha256", d.hex()));
    context.emit("consent.granted", event);
  }
}
