package org.medledger.contracts.relationship;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.support.OnChainIdentities;
import org.medledger.contracts.support.Payloads;
import org.medledger.ledger.contract.Contract;
import org.medledger.ledger.contract.ContractException;
import org.medledger.ledger.contract.TxContext;
import org.medledger.ledger.state.StateView;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * {@code relationship.add} and {@code relationship.end}: the registrar of the organisation that
 * treats (the party's organisation) records an organisational act — an admission, a referral, a
 * place on the care team — linking a clinician or the whole organisation to a registered patient
 * for a period, or ends it at the block time (one that has not started yet is withdrawn). The
 * relationship's id is the adding transaction's id. Refusals: {@code malformed-payload}, {@code
 * unknown-patient}, {@code unknown-identity} (the clinician), {@code foreign-organisation}, {@code
 * unknown-relationship}, {@code already-ended}.
 */
public final class RelationshipContract implements Contract {
  public static final TransactionType ADD = TransactionType.of("relationship.add");
  public static final TransactionType END = TransactionType.of("relationship.end");

  @Override
  public Map<TransactionType, Set<Role>> permissions() {
    return Map.of(ADD, Set.of(Role.REGISTRAR), END, Set.of(Role.REGISTRAR));
  }

  @Override
  public void checkPayload(TransactionType type, byte[] payload) throws ContractException {
    if (type.equals(ADD)) {
      Payloads.parse(() -> RelationshipCodec.parseAdd(payload));
    } else {
      Payloads.parse(() -> RelationshipCodec.parseEnd(payload));
    }
  }

  @Override
  public void execute(TxContext context) throws ContractException {
    if (context.type().equals(ADD)) {
      add(context);
    } else {
      end(context);
    }
  }

  private static void add(TxContext context) throws ContractException {
    Relationship relationship = Payloads.parse(() -> RelationshipCodec.parseAdd(context.payload()));
    StateView state = context::get;
    requireOwnOrganisation(context, relationship.party());
    OnChainIdentities.requirePatient(state, relationship.patient());
    OnChainIdentities.requireParty(state, relationship.party());
    String id = context.transactionId().hex();
    List<RelationshipEntry> entries = new ArrayList<>(relationships(state, relationship.patient()));
    entries.add(new RelationshipEntry(id, relationship, context.blockHeight()));
    context.put(RelationshipKeys.patient(relationship.patient()), RelationshipCodec.encode(entries));
    context.emit("relationship.added", Map.of("relationship", id, "patient", relationship.patient().name(),
        "patient-organisation", relationship.patient().organisation().value(),
        "party", relationship.party().toString(), "kind", RelationshipCodec.kind(relationship.kind())));
  }

  private static void end(TxContext context) throws ContractException {
    RelationshipEnd end = Payloads.parse(() -> RelationshipCodec.parseEnd(context.payload()));
    StateView state = context::get;
    List<RelationshipEntry> entries = new ArrayList<>(relationships(state, end.patient()));
    int at = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).id().equals(end.relationshipId())) {
        at = i;
      }
    }
    if (at < 0) {
      throw new ContractException("unknown-relationship", end.patient() + " has no relationship "
          + end.relationshipId());
    }
    RelationshipEntry entry = entries.get(at);
    Relationship relationship = entry.relationship();
    requireOwnOrganisation(context, relationship.party());
    if (relationship.period().endedBy(context.blockTime())) {
      throw new ContractException("already-ended", "relationship " + entry.id() + " has ended");
    }
    if (relationship.period().start() != null && !context.blockTime().isAfter(relationship.period().start())) {
      entries.remove(at);
    } else {
      entries.set(at, new RelationshipEntry(entry.id(), relationship.endedAt(context.blockTime()), entry.height()));
    }
    context.put(RelationshipKeys.patient(end.patient()), RelationshipCodec.encode(entries));
    context.emit("relationship.ended", Map.of("relationship", entry.id(), "patient", end.patient().name(),
        "patient-organisation", end.patient().organisation().value(), "party", relationship.party().toString()));
  }

  /** The patient's relationships, current or past. */
  public static List<RelationshipEntry> relationships(StateView state, PatientId patient) {
    return state.get(RelationshipKeys.patient(patient))
        .map(bytes -> RelationshipCodec.decode(bytes, patient))
        .orElse(List.of());
  }

  private static void requireOwnOrganisation(TxContext context, Party party) throws ContractException {
    OrganisationId treating = party instanceof Party.Person person
        ? person.organisation()
        : ((Party.Organisation) party).organisation();
    if (!treating.equals(context.signer().organisation())) {
      throw new ContractException("foreign-organisation", "a registrar of " + context.signer().organisation()
          + " cannot record a relationship of " + party);
    }
  }
}
