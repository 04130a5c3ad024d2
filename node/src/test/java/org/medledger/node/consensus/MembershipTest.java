package org.medledger.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.medledger.ledger.block.BlockSeal;
import org.medledger.ledger.governance.GovernanceAction;
import org.medledger.ledger.governance.GovernanceCodec;
import org.medledger.ledger.governance.GovernanceContract;
import org.medledger.ledger.governance.ValidatorInfo;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionSigner;
import org.medledger.node.ApiClient;
import org.medledger.node.Node;
import org.medledger.node.config.NodeConfig;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The validator set follows the chain: a validator joins after its organisation proposes it and
 * a majority of the organisations approve (here both of two), the replication group takes it, it
 * catches up from the log and its seals count; a validator removed the same way leaves the group
 * and the chain goes on without it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MembershipTest {
  private static final String[] FOUR = {"validator-1", "validator-2", "validator-3", "validator-4"};
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private ValidatorNetwork network;

  @AfterEach
  void stop() {
    if (network != null) {
      network.close();
    }
  }

  @Test
  void aValidatorJoinsThroughGovernanceAndAnotherLeaves() {
    network = new ValidatorNetwork(dir, 4);
    network.start(FOUR);
    TransactionSigner stMary = network.registrar(ValidatorNetwork.ORG).signer(ValidatorNetwork.CHAIN_ID);
    TransactionSigner clinic = network.registrar(ValidatorNetwork.OTHER_ORG).signer(ValidatorNetwork.CHAIN_ID);
    ApiClient api = network.api("validator-1");

    NodeConfig fifth = network.prepareJoining("validator-5", ValidatorNetwork.ORG);
    committed(api, stMary.sign(IdentityContract.REGISTER, IdentityCodec.registerPayload(
        IdentityClaims.of("validator-5", Role.VALIDATOR, OrganisationId.of(ValidatorNetwork.ORG)))));
    committed(api, stMary.sign(IdentityContract.RECORD, network.validator("validator-5").der()));
    SignedTransaction proposal = stMary.sign(GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(
        new GovernanceAction.AddValidator(new ValidatorInfo("validator-5", ValidatorNetwork.ORG,
            network.validator("validator-5").certificate(), network.tls("validator-5").certificate(),
            fifth.consensus().peers().get("validator-5")))));
    committed(api, proposal);
    assertThat(validators(api)).as("one of two organisations approved").hasSize(4);

    Node joining = network.restart("validator-5");
    long approved = committed(api, clinic.sign(GovernanceContract.APPROVE,
        GovernanceCodec.approvePayload(proposal.id())));

    assertThat(validators(api)).containsExactly("validator-1", "validator-2", "validator-3", "validator-4",
        "validator-5");
    assertThat(ApiClient.json(api.get("/v1/status")).get("quorum").asInt()).isEqualTo(4);
    JsonNode sets = ApiClient.json(api.get("/v1/validators"));
    assertThat(sets).hasSize(2);
    assertThat(sets.get(1).get("fromHeight").asLong()).isEqualTo(approved + 1);
    assertThat(sets.get(1).get("validators").get(4).get("address").asText())
        .isEqualTo(fifth.consensus().peers().get("validator-5"));
    JsonNode shown = ApiClient.json(api.get("/v1/governance/proposals/" + proposal.id().hex()));
    assertThat(shown.get("status").asText()).isEqualTo("executed");
    assertThat(shown.get("executedHeight").asLong()).isEqualTo(approved);
    assertThat(shown.get("approvals")).extracting(JsonNode::asText)
        .containsExactly(ValidatorNetwork.ORG, ValidatorNetwork.OTHER_ORG);
    assertThat(api.get("/v1/governance/proposals/xyz").statusCode()).isEqualTo(400);
    assertThat(api.get("/v1/governance/proposals/" + "ab".repeat(32)).statusCode()).isEqualTo(404);
    await("the group takes validator-5", () -> network.running().stream()
        .allMatch(n -> n.consensusMembers().contains("validator-5")));
    long later = committed(network.api("validator-5"), registration(stMary, "after-join"));
    assertThat(later).isGreaterThan(approved);
    await("validator-5 catches up and seals block " + later, () -> joining.chain().height() >= later
        && network.running().stream().allMatch(n -> sealers(n, later).contains("validator-5")));
    assertThat(joining.chain().header(approved)).isEqualTo(network.node("validator-1").chain().header(approved));
    assertThat(sealers(network.node("validator-1"), approved)).doesNotContain("validator-5");

    SignedTransaction removal = clinic.sign(GovernanceContract.PROPOSE, GovernanceCodec.proposePayload(
        new GovernanceAction.RemoveValidator("validator-2")));
    committed(api, removal);
    long removed = committed(api, stMary.sign(GovernanceContract.APPROVE,
        GovernanceCodec.approvePayload(removal.id())));
    await("the group lets validator-2 go", () -> network.running().stream().filter(n -> !n.id().equals("validator-2"))
        .allMatch(n -> !n.consensusMembers().contains("validator-2")));
    network.stop("validator-2");

    HttpResponse<String> last = network.api("validator-3").submitFinal(registration(stMary, "after-leave"));
    assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
    long height = ApiClient.json(last).get("height").asLong();
    assertThat(height).isGreaterThan(removed);
    assertThat(ApiClient.json(last).get("final").asBoolean()).isTrue();
    assertThat(sealers(network.node("validator-3"), height)).doesNotContain("validator-2");
    assertThat(validators(api)).containsExactly("validator-1", "validator-3", "validator-4", "validator-5");
  }

  private static SignedTransaction registration(TransactionSigner registrar, String name) {
    return registrar.sign(IdentityContract.REGISTER, IdentityCodec.registerPayload(
        IdentityClaims.of(name, Role.PATIENT, OrganisationId.of(ValidatorNetwork.ORG))));
  }

  /** Submits and expects a successful commit; returns the block height. */
  private static long committed(ApiClient api, SignedTransaction tx) {
    HttpResponse<String> answer = api.submit(tx);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(answer);
    assertThat(body.get("success").asBoolean()).as(answer.body()).isTrue();
    return body.get("height").asLong();
  }

  private static List<String> validators(ApiClient api) {
    List<String> ids = new java.util.ArrayList<>();
    ApiClient.json(api.get("/v1/status")).get("validators").forEach(v -> ids.add(v.asText()));
    return ids;
  }

  private static Set<String> sealers(Node node, long height) {
    return node.chain().seals(height).stream().map(BlockSeal::validator).collect(java.util.stream.Collectors.toSet());
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
