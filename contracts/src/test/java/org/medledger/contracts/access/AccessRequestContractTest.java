package org.medledger.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medledger.contracts.testing.HealthNetwork.CITY;
import static org.medledger.contracts.testing.HealthNetwork.ST_MARY;
import static org.medledger.contracts.testing.HealthNetwork.grant;
import static org.medledger.contracts.testing.HealthNetwork.only;
import static org.medledger.contracts.testing.HealthNetwork.request;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Obligation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.testing.HealthNetwork;
import org.medledger.ledger.block.Event;
import org.medledger.ledger.execution.ExecutedBlock;
import org.medledger.ledger.testing.TestConsortium.Member;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/** access.request through blocks: every decision is the transaction's committed outcome. */
class AccessRequestContractTest {
  private static final PatientId ALICE = PatientId.of(ST_MARY, "alice");

  private final HealthNetwork network = new HealthNetwork();
  private Member alice;
  private Member insurer;
  private Member researcher;

  @BeforeEach
  void enrol() throws Exception {
    alice = network.enrol(ST_MARY, "alice", Role.PATIENT);
    insurer = network.enrol(CITY, "acme-claims", Role.INSURER);
    researcher = network.enrol(CITY, "dr-rita", Role.RESEARCHER);
  }

  @Test
  void aDecisionIsRecordedLoggedAndReportedWhetherPermittedOrDenied() {
    SignedTransaction own = request(alice, ALICE, Action.READ, PurposeOfUse.PATRQT, DataClass.OBSERVATION);
    ExecutedBlock block = network.ledger().commit(own);
    assertThat(only(block).code()).isEqualTo("ok");
    Event event = only(block).events().get(0);
    assertThat(event.name()).isEqualTo("access.decision");
    assertThat(event.attributes()).containsEntry("effect", "permit").containsEntry("reason", "own-data")
        .containsEntry("decision", own.id().hex()).containsEntry("requester", "alice@st-mary");
    DecisionRecord record = network.decision(own);
    assertThat(record.requester()).isEqualTo(ALICE.asPerson());
    assertThat(record.role()).isEqualTo(Role.PATIENT);
    assertThat(record.height()).isEqualTo(block.block().height());
    assertThat(record.time()).isEqualTo(block.block().header().timestamp());

    SignedTransaction denied = request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM);
    ExecutedBlock deniedBlock = network.ledger().commit(denied);
    assertThat(only(deniedBlock).code()).isEqualTo("ok");
    assertThat(only(deniedBlock).events().get(0).attributes()).containsEntry("effect", "deny")
        .containsEntry("reason", "no-consent");

    var state = network.ledger().state();
    String log = AccessKeys.patientLog(ALICE);
    assertThat(state.get(log).map(AccessCodec::decodeCount)).contains(2L);
    assertThat(state.get(AccessKeys.logEntry(log, 0)).map(b -> new String(b, StandardCharsets.US_ASCII)))
        .contains(own.id().hex());
    assertThat(state.get(AccessKeys.logEntry(log, 1)).map(b -> new String(b, StandardCharsets.US_ASCII)))
        .contains(denied.id().hex());
    assertThat(state.get(AccessKeys.actorLog(Party.person(CITY, "acme-claims"))).map(AccessCodec::decodeCount))
        .contains(1L);
  }

  @Test
  void anInsurerReadsPaymentClassesForPaymentWithConsentOnly() {
    assertThat(network.ask(request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM))
        .decision().reason()).isEqualTo(ReasonCode.NO_CONSENT);
    network.ledger().commit(grant(alice, ALICE, Provision.permit().actors(Party.organisation(CITY))
        .purposes(PurposeOfUse.HPAYMT).classes(DataClass.CLAIM, DataClass.COVERAGE).build()));
    assertThat(network.ask(request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM))
        .decision().reason()).isEqualTo(ReasonCode.CONSENT);
    assertThat(network.ask(request(insurer, ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.OBSERVATION))
        .decision().reason()).isEqualTo(ReasonCode.CLASS_NOT_ALLOWED_FOR_ROLE);
    assertThat(network.ask(request(insurer, ALICE, Action.READ, PurposeOfUse.TREAT, DataClass.CLAIM))
        .decision().reason()).isEqualTo(ReasonCode.PURPOSE_NOT_ALLOWED_FOR_ROLE);
  }

  @Test
  void aResearcherGetsDeidentifiedOutputUnderAResearchConsentOnly() {
    RequestPayload identified = new RequestPayload(ALICE, Action.READ, PurposeOfUse.HRESCH, DataClass.OBSERVATION,
        Set.of(), OrganisationId.of(ST_MARY), false);
    RequestPayload deidentified = new RequestPayload(ALICE, Action.READ, PurposeOfUse.HRESCH, DataClass.OBSERVATION,
        Set.of(), OrganisationId.of(ST_MARY), true);
    assertThat(network.ask(request(researcher, deidentified)).decision().reason())
        .isEqualTo(ReasonCode.NO_RESEARCH_CONSENT);
    network.ledger().commit(grant(alice, ALICE, Provision.permit().actors(Party.role(Role.RESEARCHER))
        .purposes(PurposeOfUse.HRESCH).build()));
    Decision permitted = network.ask(request(researcher, deidentified)).decision();
    assertThat(permitted.reason()).isEqualTo(ReasonCode.RESEARCH_CONSENT);
    assertThat(permitted.obligations()).containsExactly(Obligation.DEIDENTIFY_OUTPUT);
    assertThat(network.ask(request(researcher, identified)).decision().reason())
        .isEqualTo(ReasonCode.NOT_DEIDENTIFIED);
  }

  @Test
  void registrarsAndAuditorsSeeNoClinicalContent() throws Exception {
    Member auditor = network.enrol(ST_MARY, "audrey", Role.AUDITOR);
    assertThat(network.ask(request(auditor, ALICE, Action.READ, PurposeOfUse.HOPERAT, DataClass.AUDIT_EVENT))
        .decision().reason()).isEqualTo(ReasonCode.AUDIT_OVERSIGHT);
    assertThat(network.ask(request(auditor, ALICE, Action.READ, PurposeOfUse.HOPERAT, DataClass.OBSERVATION))
        .decision().reason()).isEqualTo(ReasonCode.CLASS_NOT_ALLOWED_FOR_ROLE);
    assertThat(network.ask(request(network.registrar(ST_MARY), ALICE, Action.READ, PurposeOfUse.TREAT,
        DataClass.OBSERVATION)).decision().reason()).isEqualTo(ReasonCode.ROLE_HAS_NO_ACCESS);
  }

  @Test
  void requestsAboutUnknownPatientsOrCustodiansOrMalformedAreRefused() {
    assertUnchanged(request(insurer, PatientId.of(ST_MARY, "ghost"), Action.READ, PurposeOfUse.HPAYMT,
        DataClass.CLAIM), "unknown-patient");
    assertUnchanged(request(insurer, new RequestPayload(ALICE, Action.READ, PurposeOfUse.HPAYMT, DataClass.CLAIM,
        Set.of(), OrganisationId.of("nowhere"), false)), "unknown-organisation");
    byte[] payload = AccessCodec.requestPayload(new RequestPayload(ALICE, Action.READ, PurposeOfUse.HPAYMT,
        DataClass.CLAIM, Set.of(), OrganisationId.of(ST_MARY), false));
    for (byte[] bad : new byte[][] {
        org.medledger.contracts.codec.pb.RequestAccess.newBuilder().mergeFrom(parse(payload)).setAction("peek")
            .build().toByteArray(),
        org.medledger.contracts.codec.pb.RequestAccess.newBuilder().mergeFrom(parse(payload)).setPurpose("hpaymt")
            .build().toByteArray(),
        org.medledger.contracts.codec.pb.RequestAccess.newBuilder().mergeFrom(parse(payload)).addLabels("PSY")
            .addLabels("PSY").build().toByteArray(),
        org.medledger.contracts.codec.pb.RequestAccess.newBuilder().mergeFrom(parse(payload)).clearPatient()
            .build().toByteArray()}) {
      assertUnchanged(insurer.signer().sign(AccessRequestContract.REQUEST, bad), "malformed-payload");
    }
  }

  private static org.medledger.contracts.codec.pb.RequestAccess parse(byte[] payload) {
    try {
      return org.medledger.contracts.codec.pb.RequestAccess.parseFrom(payload);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private void assertUnchanged(SignedTransaction tx, String code) {
    ExecutedBlock block = network.ledger().commit(tx);
    assertThat(only(block).code()).as(only(block).message()).isEqualTo(code);
    assertThat(block.changes().isEmpty()).isTrue();
  }
}
