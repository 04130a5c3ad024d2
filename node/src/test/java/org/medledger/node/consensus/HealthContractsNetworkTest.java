package org.medledger.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.contracts.access.AccessCodec;
import org.medledger.contracts.access.AccessKeys;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.BreakGlassContract;
import org.medledger.contracts.access.DecisionRecord;
import org.medledger.contracts.access.RequestPayload;
import org.medledger.contracts.consent.ConsentCodec;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Decision;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.node.ApiClient;
import org.medledger.node.Node;
import org.medledger.node.TestNetwork.Member;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.RevocationReason;
import org.medledger.pki.Role;

/**
 * The health contracts on four real validators (Node.start runs them by default): a patient's
 * consent permits a physician, the revocation denies from its block, break-glass permits with its
 * obligations, a suspended identity cannot act in the next transaction — and every validator
 * holds the same decisions.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HealthContractsNetworkTest {
  private static final String[] FOUR = {"validator-1", "validator-2", "validator-3", "validator-4"};
  private static final String ORG = ValidatorNetwork.ORG;

  @TempDir Path dir;
  private ValidatorNetwork network;

  @AfterEach
  void stop() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void consentAccessRevocationAndBreakGlassAreDecidedOnChainAlikeOnEveryValidator() throws Exception {
    network = new ValidatorNetwork(dir, 4);
    List<Node> nodes = network.start(FOUR);
    ApiClient api = network.api("validator-2");
    TransactionSigner registrar = network.registrar(ORG).signer(ValidatorNetwork.CHAIN_ID);
    Member patient = enrol(api, registrar, "pat-lee", Role.PATIENT);
    Member physician = enrol(api, registrar, "dr-ruiz", Role.PHYSICIAN);
    PatientId lee = PatientId.of(ORG, "pat-lee");

    SignedTransaction grant = patient.signer(ValidatorNetwork.CHAIN_ID).sign(ConsentGrantContract.GRANT,
        ConsentCodec.grantPayload(lee, Period.ALWAYS, Provision.permit().actors(Party.person(ORG, "dr-ruiz"))
            .purposes(PurposeOfUse.TREAT).classes(DataClass.OBSERVATION).build(), Optional.empty()));
    ok(api, grant);
    SignedTransaction permitted = request(physician, lee, PurposeOfUse.TREAT);
    ok(api, permitted);
    SignedTransaction revoke = patient.signer(ValidatorNetwork.CHAIN_ID).sign(ConsentRevokeContract.REVOKE,
        ConsentCodec.revokePayload(grant.id().hex()));
    ok(api, revoke);
    SignedTransaction denied = request(physician, lee, PurposeOfUse.TREAT);
    ok(api, denied);
    SignedTransaction emergency = physician.signer(ValidatorNetwork.CHAIN_ID).sign(BreakGlassContract.BREAK_GLASS,
        AccessCodec.breakGlassPayload(lee, "unconscious on arrival, allergies unknown"));
    ok(api, emergency);
    SignedTransaction underBreakGlass = request(physician, lee, PurposeOfUse.ETREAT);
    long last = ok(api, underBreakGlass);

    awaitHeight(nodes, last);
    for (Node node : nodes) {
      assertThat(decision(node, permitted).decision().effect()).as(node.id()).isEqualTo(Decision.Effect.PERMIT);
      assertThat(decision(node, denied).decision().effect()).as(node.id()).isEqualTo(Decision.Effect.DENY);
      assertThat(decision(node, denied).decision().reason().code()).isEqualTo("no-relationship-or-consent");
      DecisionRecord emergencyAccess = decision(node, underBreakGlass);
      assertThat(emergencyAccess.decision().effect()).isEqualTo(Decision.Effect.PERMIT);
      assertThat(emergencyAccess.decision().obligations()).isNotEmpty();
    }

    ok(api, registrar.sign(IdentityContract.SUSPEND,
        IdentityCodec.suspendPayload("dr-ruiz", RevocationReason.PRIVILEGE_WITHDRAWN)));
    HttpResponse<String> refused = api.submit(request(physician, lee, PurposeOfUse.TREAT));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(ApiClient.json(refused).get("code").asText()).isEqualTo("identity-suspended");
  }

  private Member enrol(ApiClient api, TransactionSigner registrar, String name, Role role) throws Exception {
    Member member = network.issue(ORG, name, role);
    ok(api, registrar.sign(IdentityContract.REGISTER,
        IdentityCodec.registerPayload(IdentityClaims.of(name, role, OrganisationId.of(ORG)))));
    ok(api, registrar.sign(IdentityContract.RECORD, member.certificate().getEncoded()));
    return member;
  }

  private static SignedTransaction request(Member by, PatientId patient, PurposeOfUse purpose) {
    return by.signer(ValidatorNetwork.CHAIN_ID).sign(AccessRequestContract.REQUEST, AccessCodec.requestPayload(
        new RequestPayload(patient, Action.READ, purpose, DataClass.OBSERVATION, Set.<SecurityLabel>of(),
            patient.organisation(), false)));
  }

  /** Submits, expects success, returns the block height. */
  private static long ok(ApiClient api, SignedTransaction tx) {
    HttpResponse<String> answer = api.submit(tx);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(answer);
    assertThat(body.get("success").asBoolean()).as(answer.body()).isTrue();
    return body.get("height").asLong();
  }

  private static DecisionRecord decision(Node node, SignedTransaction request) {
    return node.chain().state().get(AccessKeys.decision(request.id().hex())).map(AccessCodec::decodeDecision)
        .orElseThrow(() -> new AssertionError(node.id() + " holds no decision for " + request.id()));
  }

  private static void awaitHeight(List<Node> nodes, long height) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (nodes.stream().anyMatch(n -> n.chain().height() < height)) {
      assertThat(System.nanoTime()).as("all validators reach block %s", height).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
