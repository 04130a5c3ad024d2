package org.medledger.contracts.policy;

import static org.medledger.contracts.policy.Fixtures.PATIENT;
import static org.medledger.contracts.policy.Fixtures.T;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * Arbitrary requests and policy states, drawn from small pools (a few people, organisations,
 * classes, labels and instants around T) so that consents, relationships and grants often match.
 */
final class PolicyArbitraries {
  static final List<Party.Person> PEOPLE = List.of(
      Party.person("city-clinic", "dr-bob"),
      Party.person("city-clinic", "nurse-amy"),
      Party.person("north-hospital", "dr-eve"),
      Party.person("st-mary", "guardian-joe"),
      Party.person("acme-insure", "ins-1"),
      Party.person("uni-lab", "res-1"),
      Party.person("st-mary", "aud-1"),
      PATIENT.asPerson());
  static final List<String> ORGANISATIONS = List.of("city-clinic", "north-hospital", "st-mary", "acme-insure");
  static final List<DataClass> CLASSES = List.of(DataClass.OBSERVATION, DataClass.CONDITION, DataClass.ENCOUNTER,
      DataClass.CLAIM, DataClass.AUDIT_EVENT, DataClass.CONSENT);
  static final List<SecurityLabel> LABELS = List.of(SecurityLabel.N, SecurityLabel.R, SecurityLabel.PSY,
      SecurityLabel.HIV);
  static final PatientId OTHER_PATIENT = PatientId.of("st-mary", "pat-max");

  private PolicyArbitraries() {}

  static Arbitrary<Instant> instants() {
    return Arbitraries.of(-72L, -48L, -6L, -2L, -1L, 0L, 1L, 2L, 6L, 48L).map(h -> T.plus(Duration.ofHours(h)));
  }

  static Arbitrary<Period> periods() {
    return Combinators.combine(instants().injectNull(0.4), instants().injectNull(0.5))
        .filter((start, end) -> start == null || end == null || end.isAfter(start))
        .as(Period::new);
  }

  static Arbitrary<Party> parties() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(PEOPLE).map(p -> (Party) p)),
        Tuple.of(1, Arbitraries.of(ORGANISATIONS).map(o -> (Party) Party.organisation(o))),
        Tuple.of(1, Arbitraries.of(Role.class).map(r -> (Party) Party.role(r))));
  }

  /** Requesters of every role, weighted towards the roles whose access depends on the state. */
  static Arbitrary<Requester> requesters() {
    Arbitrary<Role> roles = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Role.PHYSICIAN)),
        Tuple.of(2, Arbitraries.just(Role.NURSE)),
        Tuple.of(1, Arbitraries.just(Role.PHARMACIST)),
        Tuple.of(2, Arbitraries.just(Role.INSURER)),
        Tuple.of(2, Arbitraries.just(Role.RESEARCHER)),
        Tuple.of(1, Arbitraries.just(Role.AUDITOR)),
        Tuple.of(2, Arbitraries.just(Role.PATIENT)),
        Tuple.of(1, Arbitraries.just(Role.REGISTRAR)),
        Tuple.of(1, Arbitraries.just(Role.VALIDATOR)));
    return Combinators.combine(Arbitraries.of(PEOPLE), roles)
        .as((person, role) -> new Requester(person.organisation(), person.name(), role, null));
  }

  /**
   * Requests that mostly pass the role matrix of the default policy (so that consents,
   * relationships and grants decide), and sometimes do not.
   */
  static Arbitrary<AccessRequest> requests() {
    PolicyParameters policy = PolicyParameters.defaults();
    return requesters().flatMap(requester -> {
      Map<PurposeOfUse, AccessRule> row = policy.matrix().get(requester.role());
      Arbitrary<PurposeOfUse> anyPurpose = Arbitraries.of(PurposeOfUse.class);
      Arbitrary<PurposeOfUse> purposes = row == null ? anyPurpose
          : Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(row.keySet())), Tuple.of(1, anyPurpose));
      return purposes.flatMap(purpose -> {
        AccessRule rule = row == null ? null : row.get(purpose);
        List<DataClass> inCell = rule == null ? List.of()
            : CLASSES.stream().filter(rule.classes()::contains).collect(Collectors.toList());
        Arbitrary<DataClass> classes = inCell.isEmpty() ? Arbitraries.of(CLASSES)
            : Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(inCell)), Tuple.of(1, Arbitraries.of(CLASSES)));
        Arbitrary<Action> actions = Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(Action.READ)), Tuple.of(4, Arbitraries.of(Action.class)));
        return Combinators.combine(
                classes,
                actions,
                Arbitraries.of(LABELS).set().ofMaxSize(2),
                instants(),
                Arbitraries.of(Optional.<String>empty(), Optional.of("patient unresponsive")),
                Arbitraries.of(true, false))
            .as((dataClass, action, labels, time, reason, deidentified) ->
                new AccessRequest(requester, PATIENT, action, purpose, dataClass, labels,
                    OrganisationId.of("st-mary"), time, reason, deidentified));
      });
    });
  }

  /** A request, a state around it, and a provision that only denies, aimed at it. */
  record Scenario(AccessRequest request, TestPolicyState state, Provision deny) {
    @Override
    public String toString() {
      return request + "\n  state " + state + "\n  deny " + deny;
    }
  }

  /**
   * Requests with states drawn around them: the parties, actions, purposes, classes and labels of
   * the state's consents, relationships, delegations and grants are often the request's own, so
   * that they match and decide.
   */
  static Arbitrary<Scenario> scenarios() {
    return requests().flatMap(request -> Combinators.combine(
            states(request),
            provisions(2, request).map(PolicyArbitraries::asDeny))
        .as((state, deny) -> new Scenario(request, state, deny)));
  }

  /** The same provision, and every provision nested in it, made a deny: a provision that only denies. */
  static Provision asDeny(Provision p) {
    List<Provision> nested = p.provisions().stream().map(PolicyArbitraries::asDeny).collect(Collectors.toList());
    return new Provision(Provision.Type.DENY, p.period(), p.actors(), p.actions(), p.purposes(), p.classes(),
        p.labels(), nested);
  }

  /** Often empty ("any"), often just the request's value, sometimes one or two of {@code values}. */
  private static <T extends Enum<T>> Arbitrary<Set<T>> criteria(Arbitrary<T> values, Set<T> focus) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Set.<T>of())),
        Tuple.of(3, Arbitraries.just(focus)),
        Tuple.of(1, values.set().ofMinSize(1).ofMaxSize(2)));
  }

  /** Parties that are often the requester (as a person, an organisation or a role). */
  static Arbitrary<Party> parties(AccessRequest focus) {
    Requester requester = focus.requester();
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just((Party) requester.asPerson())),
        Tuple.of(1, Arbitraries.just((Party) new Party.Organisation(requester.organisation()))),
        Tuple.of(1, Arbitraries.just((Party) Party.role(requester.role()))),
        Tuple.of(2, parties()));
  }

  static Arbitrary<Provision> provisions(int depth, AccessRequest focus) {
    Arbitrary<List<Provision>> nested = depth <= 1
        ? Arbitraries.just(List.of())
        : Arbitraries.lazy(() -> provisions(depth - 1, focus)).list().ofMaxSize(2);
    Set<SecurityLabel> labels = focus.labels().isEmpty() ? Set.of(SecurityLabel.PSY) : focus.labels();
    return Combinators.combine(
            Arbitraries.of(Provision.Type.PERMIT, Provision.Type.PERMIT, Provision.Type.DENY),
            periods().injectNull(0.85),
            Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.<Party>of())),
                Tuple.of(3, parties(focus).list().ofMinSize(1).ofMaxSize(2))),
            criteria(Arbitraries.of(Action.class), Set.of(focus.action())),
            criteria(Arbitraries.of(PurposeOfUse.class), Set.of(focus.purpose())),
            criteria(Arbitraries.of(CLASSES), Set.of(focus.dataClass())),
            criteria(Arbitraries.of(LABELS), labels),
            nested)
        .as(Provision::new);
  }

  static Arbitrary<Consent> consents(AccessRequest focus) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 9).map(i -> "c-" + i),
            Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(PATIENT)), Tuple.of(1, Arbitraries.just(OTHER_PATIENT))),
            Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Consent.Status.ACTIVE)),
                Tuple.of(1, Arbitraries.just(Consent.Status.INACTIVE))),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Period.ALWAYS)), Tuple.of(1, periods())),
            provisions(3, focus))
        .as(Consent::new);
  }

  static Arbitrary<Relationship> relationships(AccessRequest focus) {
    return Combinators.combine(
            Arbitraries.of(PATIENT, PATIENT, OTHER_PATIENT),
            parties(focus).filter(p -> !(p instanceof Party.OfRole)),
            Arbitraries.of(Relationship.Kind.class),
            periods())
        .as(Relationship::new);
  }

  static Arbitrary<Delegation> delegations(AccessRequest focus) {
    Arbitrary<Party.Person> delegates = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(focus.requester().asPerson())),
        Tuple.of(1, Arbitraries.of(PEOPLE)));
    return Combinators.combine(
            delegates.filter(p -> !p.equals(PATIENT.asPerson())),
            criteria(Arbitraries.of(Action.class), Set.of(focus.action())),
            criteria(Arbitraries.of(CLASSES), Set.of(focus.dataClass())),
            periods())
        .as((delegate, actions, classes, period) -> new Delegation(PATIENT, delegate, actions, classes, period));
  }

  static Arbitrary<BreakGlass> grants(AccessRequest focus) {
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(focus.requester().asPerson())), Tuple.of(1, Arbitraries.of(PEOPLE))),
            instants(),
            Arbitraries.of(1L, 4L, 8L),
            Arbitraries.of(true, false))
        .as((person, at, hours, reviewed) ->
            new BreakGlass(person, PATIENT, "emergency", at, at.plus(Duration.ofHours(hours)), reviewed));
  }

  static Arbitrary<TestPolicyState> states(AccessRequest focus) {
    return Combinators.combine(
            consents(focus).list().ofMaxSize(4),
            relationships(focus).list().ofMaxSize(2),
            delegations(focus).list().ofMaxSize(2),
            grants(focus).list().ofMaxSize(2))
        .as((consents, relationships, delegations, grants) ->
            new TestPolicyState(consents, relationships, delegations, grants, PolicyParameters.defaults()));
  }
}
