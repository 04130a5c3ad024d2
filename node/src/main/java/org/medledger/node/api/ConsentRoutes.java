package org.medledger.node.api;

import io.javalin.http.Context;
import java.time.Clock;
import org.medledger.contracts.consent.Consents;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Requester;
import org.medledger.ledger.state.StateView;
import org.medledger.node.api.ConsentViews.ConsentList;

/** {@code /v1/patients/{org}/{name}/consents}: a patient's consents, for signed requests only. */
final class ConsentRoutes {
  private final NodeLedger ledger;
  private final RequestAuthenticator authenticator;
  private final Clock clock;

  ConsentRoutes(NodeLedger ledger, RequestAuthenticator authenticator, Clock clock) {
    this.ledger = ledger;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  /**
   * {@code GET /v1/patients/{org}/{name}/consents}: every consent of the patient, in force or not,
   * in id order; for the patient, a delegate whose delegation covers reading {@code Consent}, or an
   * auditor.
   */
  void consents(Context ctx) {
    Requester reader = authenticator.authenticate(ctx);
    PatientId patient = PathValues.patient(ctx);
    StateView state = ledger.chain().state();
    KnownIdentities.requirePatient(state, patient);
    ReadAccess.requirePatientRecords(reader, patient, DataClass.CONSENT, state, clock.instant(), "the consents");
    ctx.json(ConsentList.of(patient, Consents.of(state, patient), clock.instant()));
  }
}
