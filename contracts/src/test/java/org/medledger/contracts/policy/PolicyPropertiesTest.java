package org.medledger.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.medledger.contracts.policy.PolicyArbitraries.Scenario;

/**
 * Properties of the policy decision point over arbitrary requests and states around them. The
 * statistics checks make sure the properties are not vacuous (access does get permitted, revoking
 * and denying do change decisions).
 */
class PolicyPropertiesTest {

  @Provide
  Arbitrary<Scenario> scenarios() {
    return PolicyArbitraries.scenarios();
  }

  @Provide
  Arbitrary<AccessRequest> requests() {
    return PolicyArbitraries.requests();
  }

  /**
   * Revoking (or deleting) a consent that only permits never widens access. A consent with a deny
   * provision is a restriction: revoking it may widen access, as the patient meant (see
   * PolicyDecisionPointTest.Revocation).
   */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void revokingAPermitOnlyConsentNeverWidensAccess(@ForAll("scenarios") Scenario scenario) {
    AccessRequest request = scenario.request();
    TestPolicyState state = scenario.state();
    boolean before = PolicyDecisionPoint.decide(request, state).isPermit();
    boolean narrowed = false;
    for (int i = 0; i < state.consents().size(); i++) {
      Consent consent = state.consents().get(i);
      if (consent.provision().hasDeny()) {
        continue;
      }
      List<Consent> revoked = new ArrayList<>(state.consents());
      revoked.set(i, consent.revoked());
      List<Consent> deleted = new ArrayList<>(state.consents());
      deleted.remove(i);
      boolean afterRevoking = PolicyDecisionPoint.decide(request, state.withConsents(revoked)).isPermit();
      boolean afterDeleting = PolicyDecisionPoint.decide(request, state.withConsents(deleted)).isPermit();

      assertThat(!afterRevoking || before).as("revoking %s widened access", consent.id()).isTrue();
      assertThat(!afterDeleting || before).as("deleting %s widened access", consent.id()).isTrue();
      narrowed |= before && !afterRevoking;
    }
    Statistics.label("revoking narrowed access").collect(narrowed);
    Statistics.label("revoking narrowed access").coverage(check -> check.check(true).count(c -> c >= 1));
  }

  /**
   * Adding a deny provision (one whose nested exceptions are denies too) anywhere in a consent, or
   * as a new consent, never widens access. (A deny with a permit exception adds a permit.)
   */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void addingADenyProvisionNeverWidensAccess(@ForAll("scenarios") Scenario scenario,
      @ForAll @IntRange(min = 0, max = 60) int where) {
    AccessRequest request = scenario.request();
    TestPolicyState state = scenario.state();
    boolean before = PolicyDecisionPoint.decide(request, state).isPermit();
    List<Consent> consents = new ArrayList<>(state.consents());
    if (consents.isEmpty() || where % 2 == 0) {
      consents.add(Consent.active("c-deny", Fixtures.PATIENT, Period.ALWAYS, scenario.deny()));
    } else {
      int index = where % consents.size();
      Consent target = consents.get(index);
      int nodes = size(target.provision());
      consents.set(index,
          target.withProvision(insertAt(target.provision(), new int[] {where % nodes}, scenario.deny())));
    }

    boolean after = PolicyDecisionPoint.decide(request, state.withConsents(consents)).isPermit();

    assertThat(!after || before).as("adding a deny widened access").isTrue();
    Statistics.label("permitted before, after").collect(before, after);
    Statistics.label("permitted before, after").coverage(check -> check.check(true, false).count(c -> c >= 1));
  }

  /** The same inputs give equal decisions, whatever the order of the state's lists. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void theDecisionIsAPureFunctionOfRequestAndState(@ForAll("scenarios") Scenario scenario,
      @ForAll Random random) { // jqwik seeds it: a failure replays exactly
    AccessRequest request = scenario.request();
    TestPolicyState state = scenario.state();
    Decision first = PolicyDecisionPoint.decide(request, state);
    TestPolicyState shuffled = state
        .withConsents(shuffle(state.consents(), random))
        .withRelationships(shuffle(state.relationships(), random))
        .withDelegations(shuffle(state.delegations(), random))
        .withGrants(shuffle(state.grants(), random));

    assertThat(PolicyDecisionPoint.decide(request, state)).isEqualTo(first);
    assertThat(PolicyDecisionPoint.decide(request, shuffled)).isEqualTo(first);
    Statistics.label("effect").collect(first.effect());
    Statistics.label("effect").coverage(check -> check.check(Decision.Effect.PERMIT).percentage(p -> p > 3));
  }

  /** Every permit lies inside the role matrix: a cell for role and purpose allowing class and action. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void everyPermitLiesInsideTheRoleMatrix(@ForAll("scenarios") Scenario scenario) {
    AccessRequest request = scenario.request();
    Decision decision = PolicyDecisionPoint.decide(request, scenario.state());
    Statistics.label("reason").collect(decision.reason());
    if (decision.isPermit()) {
      AccessRule rule = scenario.state().parameters().rule(request.requester().role(), request.purpose())
          .orElseThrow();
      assertThat(rule.classes()).contains(request.dataClass());
      assertThat(rule.actions()).contains(request.action());
    }
  }

  /** Deny by default: with nothing on chain about the patient, only own data and oversight are permitted. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void withNothingOnChainOnlyOwnDataAndOversightArePermitted(@ForAll("requests") AccessRequest request) {
    Decision decision = PolicyDecisionPoint.decide(request, TestPolicyState.empty());

    if (decision.isPermit()) {
      assertThat(decision.reason()).isIn(ReasonCode.OWN_DATA, ReasonCode.AUDIT_OVERSIGHT);
    }
  }

  private static <T> List<T> shuffle(List<T> list, Random random) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static int size(Provision provision) {
    int size = 1;
    for (Provision nested : provision.provisions()) {
      size += size(nested);
    }
    return size;
  }

  /** Adds {@code extra} as an exception of the provision numbered {@code counter[0]} in pre-order. */
  private static Provision insertAt(Provision provision, int[] counter, Provision extra) {
    if (counter[0]-- == 0) {
      return provision.withNested(extra);
    }
    List<Provision> nested = new ArrayList<>();
    for (Provision child : provision.provisions()) {
      nested.add(counter[0] >= 0 ? insertAt(child, counter, extra) : child);
    }
    return new Provision(provision.type(), provision.period(), provision.actors(), provision.actions(),
        provision.purposes(), provision.classes(), provision.labels(), nested);
  }
}
