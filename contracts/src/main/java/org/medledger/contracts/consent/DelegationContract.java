package org.medledger.contracts.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.support.OnChainIdentities;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.Role;

/**
 * {@code consent.delegate} and {@code consent.undelegate}: the signing patient names a delegate
 * (guardian, proxy) who may act for them within a scope of actions and data classes for a period,
 * or ends such a delegation at the block time (one that has not started yet is withdrawn). The
 * delegation's id is the delegating transaction's id; every change moves the patient's {@link
 * ConsentVersion} on. Refusals: {@code unknown-patient}, {@code unknown-identity} (the delegate),
 * {@code malformed-payload} (e.g. the patient as their own delegate), {@code unknown-delegation},
 * {@code already-ended}.
 */
public final class DelegationContract implements Contract {
  public static final TransactionType DELEGATE = TransactionType.of("consent.delegate");
  public static final TransactionType UNDELEGATE = TransactionType.of("consent.undelegate");

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(DELEGATE, Set.of(Role.PATIENT), UNDELEGATE, Set.of(Role.PATIENT));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (type.equals(DELEGATE)) {
      Payloads.parse(() -> ConsentCodec.parseDelegate(payload));
    } else {
      Payloads.parse(() -> ConsentCodec.parseUndelegate(payload));
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    PatientId patient = new PatientId(context.signer().organisation(), context.signer().name());
    StateView state = context::get;
    OnChainIdentities.requirePatient(state, patient);
    List<DelegationEntry> entries = new ArrayList<>(Consents.delegations(state, patient));
    if (context.type().equals(DELEGATE)) {
      DelegationRequest request = Payloads.parse(() -> ConsentCodec.parseDelegate(context.payload()));
      Delegation delegation = Payloads.parse(() -> request.by(patient));
      OnChainIdentities.requirePerson(state, delegation.delegate());
      String id = context.transactionId().hex();
      entries.add(new DelegationEntry(id, delegation, context.blockHeight()));
      ConsentVersion.put(context, patient, ConsentKeys.delegations(patient),
          ConsentCodec.encodeDelegations(entries));
      context.emit("consent.delegated", Map.of("delegation", id, "patient", patient.name(),
          "patient-organisation", patient.organisation().value(), "delegate", delegation.delegate().toString()));
    } else {
      String id = Payloads.parse(() -> ConsentCodec.parseUndelegate(context.payload()));
      int at = indexOf(entries, id);
      if (at < 0) {
        throw new ContractException("unknown-delegation", patient + " has no delegation " + id);
      }
      DelegationEntry entry = entries.get(at);
      Delegation delegation = entry.delegation();
      if (delegation.period().endedBy(context.blockTime())) {
        throw new ContractException("already-ended", "delegation " + id + " has ended");
      }
      if (delegation.period().start() != null && !context.blockTime().isAfter(delegation.period().start())) {
        entries.remove(at);
      } else {
        entries.set(at, new DelegationEntry(id, new Delegation(patient, delegation.delegate(), delegation.actions(),
            delegation.classes(), delegation.period().endingAt(context.blockTime())), entry.height()));
      }
      ConsentVersion.put(context, patient, ConsentKeys.delegations(patient),
          ConsentCodec.encodeDelegations(entries));
      context.emit("consent.undelegated", Map.of("delegation", id, "patient", patient.name(),
          "patient-organisation", patient.organisation().value(), "delegate", delegation.delegate().toString()));
    }
  }

  private static int indexOf(List<DelegationEntry> entries, String id) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
