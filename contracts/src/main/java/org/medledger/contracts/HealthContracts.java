package org.medledger.contracts;

import java.util.List;
import org.medledger.contracts.access.AccessRequestContract;
import org.medledger.contracts.access.BreakGlassContract;
import org.medledger.contracts.access.BreakGlassReviewContract;
import org.medledger.contracts.access.PolicySource;
import org.medledger.contracts.consent.ConsentGrantContract;
import org.medledger.contracts.consent.ConsentRevokeContract;
import org.medledger.contracts.consent.DelegationContract;
import org.medledger.contracts.relationship.RelationshipContract;
import org.medledger.ledger.contract.Contract;

/**
 * The health contracts a MedLedger chain runs besides identity and governance, for {@code
 * ConsortiumContracts.of(genesis, identities, HealthContracts.all())}: consent (grant, revoke,
 * delegate, undelegate), treating relationships (add, end), access requests, break-glass and its
 * review. The access-request contract declares the governed parameter {@code policy}: the policy
 * in force is the one governance last set, or {@link
 * org.medledger.contracts.policy.PolicyParameters#defaults()} until it sets one.
 */
public final class HealthContracts {
  private HealthContracts() {}

  /** The contracts under the policy governance sets ({@link PolicySource#governed()}). */
  public static List<Contract> all() {
    return all(PolicySource.governed());
  }

  /** The contracts deciding access under {@code policy}. */
  public static List<Contract> all(PolicySource policy) {
    return List.of(new ConsentGrantContract(), new ConsentRevokeContract(), new DelegationContract(),
        new RelationshipContract(), new AccessRequestContract(policy), new BreakGlassContract(policy),
        new BreakGlassReviewContract());
  }
}
