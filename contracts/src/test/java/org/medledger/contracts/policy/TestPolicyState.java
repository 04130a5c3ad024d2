package org.medledger.contracts.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link PolicyState}: immutable, with fluent additions that return a new state.
 * Lists are returned as given (in the order added), for every patient and requester asked about:
 * the decision point must itself ignore entries about someone else.
 */
record TestPolicyState(List<Consent> consents, List<Relationship> relationships, List<Delegation> delegations,
    List<BreakGlass> grants, PolicyParameters parameters) implements PolicyState {

  TestPolicyState {
    consents = List.copyOf(consents);
    relationships = List.copyOf(relationships);
    delegations = List.copyOf(delegations);
    grants = List.copyOf(grants);
  }

  static TestPolicyState empty() {
    return new TestPolicyState(List.of(), List.of(), List.of(), List.of(), PolicyParameters.defaults());
  }

  @Override
  public List<Consent> consents(PatientId patient) {
    return consents;
  }

  @Override
  public List<Relationship> relationships(PatientId patient) {
    return relationships;
  }

  @Override
  public List<Delegation> delegations(PatientId patient) {
    return delegations;
  }

  @Override
  public List<BreakGlass> breakGlass(Party.Person requester, PatientId patient) {
    return grants;
  }

  TestPolicyState with(Consent consent) {
    return new TestPolicyState(plus(consents, consent), relationships, delegations, grants, parameters);
  }

  TestPolicyState with(Relationship relationship) {
    return new TestPolicyState(consents, plus(relationships, relationship), delegations, grants, parameters);
  }

  TestPolicyState with(Delegation delegation) {
    return new TestPolicyState(consents, relationships, plus(delegations, delegation), grants, parameters);
  }

  TestPolicyState with(BreakGlass grant) {
    return new TestPolicyState(consents, relationships, delegations, plus(grants, grant), parameters);
  }

  TestPolicyState with(PolicyParameters policy) {
    return new TestPolicyState(consents, relationships, delegations, grants, policy);
  }

  TestPolicyState withConsents(List<Consent> replaced) {
    return new TestPolicyState(replaced, relationships, delegations, grants, parameters);
  }

  TestPolicyState withRelationships(List<Relationship> replaced) {
    return new TestPolicyState(consents, replaced, delegations, grants, parameters);
  }

  TestPolicyState withDelegations(List<Delegation> replaced) {
    return new TestPolicyState(consents, relationships, replaced, grants, parameters);
  }

  TestPolicyState withGrants(List<BreakGlass> replaced) {
    return new TestPolicyState(consents, relationships, delegations, replaced, parameters);
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> all = new ArrayList<>(list);
    all.add(item);
    return all;
  }
}
