package org.medledger.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;
import org.medledger.contracts.access.PolicyParameter;
import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.ledger.Digest;
import org.medledger.ledger.governance.GovernanceKeys;
import org.medledger.node.policy.PolicyDocument;

/** {@code /v1/policy}: the access policy in force. Public: a policy is not personal data. */
final class PolicyRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NodeLedger ledger;

  PolicyRoutes(NodeLedger ledger) {
    this.ledger = ledger;
  }

  /**
   * {@code GET /v1/policy}: the policy in force as a {@link PolicyDocument} (what
   * {@code governance propose --policy} reads), plus {@code source}: {@code governed} (set through
   * governance; {@code digest} is the SHA-256 of its canonical encoding, as the
   * {@code governance.parameter-set} event announced it) or {@code default} (governance has set
   * none; {@code digest} null).
   */
  void policy(Context ctx) {
    Optional<byte[]> governed = ledger.chain().state().get(GovernanceKeys.parameter(PolicyParameter.NAME));
    PolicyParameters policy = governed.map(PolicyParametersCodec::decode).orElseGet(PolicyParameters::defaults);
    ObjectNode view = JSON.createObjectNode();
    view.put("source", governed.isPresent() ? "governed" : "default");
    view.put("digest", governed.map(value -> Digest.sha256(value).hex()).orElse(null));
    view.setAll((ObjectNode) JSON.valueToTree(PolicyDocument.of(policy)));
    ctx.json(view);
  }
}
