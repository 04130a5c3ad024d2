package org.medledger.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.medledger.ledger.identity.IdentityCodec;
import org.medledger.ledger.identity.IdentityContract;
import org.medledger.ledger.tx.SignedTransaction;
import org.medledger.ledger.tx.TransactionType;
import org.medledger.node.ApiClient;
import org.medledger.node.Node;
import org.medledger.node.TestNetwork;
import org.medledger.node.TestNetwork.Member;
import org.medledger.pki.IdentityClaims;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * One validator running every contract of a MedLedger chain (identity, governance, the health
 * contracts) over a test network of two organisations, with its API client for transactions, a
 * client for signed reads, and shortcuts to enrol people and commit transactions. Close it.
 */
final class HealthChain implements AutoCloseable {
  final TestNetwork network = new TestNetwork();
  final Node node;
  final ApiClient api;
  final SignedReads reads;

  HealthChain(Path directory) {
    node = Node.start(network.writeNodeFiles(directory), network.passphrase());
    api = new ApiClient(node.apiPort(), network.clientTls());
    reads = new SignedReads(node.apiPort(), network.clientTls(), network.chainId());
  }

  String chainId() {
    return network.chainId();
  }

  /** Registers an identity and records a certificate for it, by its organisation's registrar. */
  Member enrol(String organisation, String name, Role role) {
    return enrol(List.of(new Person(organisation, name, role))).get(0);
  }

  /** Someone to enrol. */
  record Person(String organisation, String name, Role role) {}

  /** Enrols several people at once (two blocks in all); their members in the same order. */
  List<Member> enrol(List<Person> people) {
    List<Member> members = new ArrayList<>();
    List<SignedTransaction> registrations = new ArrayList<>();
    List<SignedTransaction> records = new ArrayList<>();
    for (Person person : people) {
      Member member = network.issue(person.organisation(), person.name(), person.role());
      members.add(member);
      registrations.add(sign(registrar(person.organisation()), IdentityContract.REGISTER, IdentityCodec.registerPayload(
          IdentityClaims.of(person.name(), person.role(), OrganisationId.of(person.organisation())))));
      records.add(sign(registrar(person.organisation()), IdentityContract.RECORD, member.der()));
    }
    commitTogether(registrations);
    commitTogether(records);
    return members;
  }

  Member registrar(String organisation) {
    return network.registrar(organisation);
  }

  SignedTransaction sign(Member by, TransactionType type, byte[] payload) {
    return by.signer(chainId()).sign(type, payload);
  }

  /** Submits transactions at once (they may share a block) and waits until each has succeeded. */
  void commitTogether(List<SignedTransaction> transactions) {
    List<CompletableFuture<HttpResponse<String>>> answers = transactions.stream().map(api::submitAsync).toList();
    for (CompletableFuture<HttpResponse<String>> pending : answers) {
      requireSuccess(pending.join());
    }
  }

  /** Signs and commits a transaction that must succeed; returns it. */
  SignedTransaction commit(Member by, TransactionType type, byte[] payload) {
    SignedTransaction transaction = sign(by, type, payload);
    requireSuccess(api.submit(transaction));
    return transaction;
  }

  private static void requireSuccess(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = ApiClient.json(answer);
    assertThat(body.get("success").asBoolean()).as(answer.body()).isTrue();
  }

  @Override
  public void close() {
    node.close();
  }
}
