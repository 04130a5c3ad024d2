package org.medledger.bench.policy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medledger.contracts.policy.AccessRequest;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.BreakGlass;
import org.medledger.contracts.policy.Consent;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Delegation;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.contracts.policy.PolicyState;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.ReasonCode;
import org.medledger.contracts.policy.Relationship;
import org.medledger.contracts.policy.Requester;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.ledger.Digest;
import org.medledger.pki.OrganisationId;
import org.medledger.pki.Role;

/**
 * The patient of the access-decision benchmark (issue 5): {@code ada} of St Mary's with 100 active
 * consents — a deterministic mix of permits to persons, organisations and roles, with purposes,
 * data classes, security labels, action lists and periods, a quarter of them with nested deny
 * exceptions (some of which nest a permit again) — a few treating relationships (one active, two
 * past), one delegation, and the physician {@code dr-house} asking to READ.
 *
 * <p>The same consents go on chain ({@link PolicyStore}, by {@code consent.grant} transactions)
 * and into the in-memory {@link #state()}.
 */
public final class PatientFixture {
  public static final String ST_MARY = "st-mary";
  public static final String CITY = "city-clinic";
  public static final String INSURER_ORG = "north-mutual";
  public static final List<String> ORGANISATIONS = List.of(ST_MARY, CITY, INSURER_ORG);

  public static final PatientId PATIENT = PatientId.of(ST_MARY, "ada");
  public static final int CONSENTS = 100;
  /** The block time of the requests: the date of the figures. */
  public static final Instant REQUEST_TIME = Instant.parse("2026-11-25T12:00:00Z");

  private static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NEXT_YEAR = Instant.parse("2027-06-01T00:00:00Z");

  /** A registered person: organisation, name, role. */
  public record Person(String organisation, String name, Role role) {
    public Party.Person party() {
      return Party.person(organisation, name);
    }
  }

  public static final Person REQUESTER = new Person(ST_MARY, "dr-house", Role.PHYSICIAN);
  public static final Person GUARDIAN = new Person(ST_MARY, "bob", Role.PATIENT);

  /** Everyone the consents, relationships and delegation name (the patient and registrars aside). */
  public static final List<Person> PEOPLE = List.of(
      REQUESTER,
      new Person(ST_MARY, "dr-grey", Role.PHYSICIAN),
      new Person(ST_MARY, "dr-ross", Role.PHYSICIAN),
      new Person(ST_MARY, "nurse-joy", Role.NURSE),
      new Person(ST_MARY, "nurse-ratched", Role.NURSE),
      new Person(ST_MARY, "pharm-lee", Role.PHARMACIST),
      new Person(CITY, "dr-who", Role.PHYSICIAN),
      new Person(CITY, "dr-strange", Role.PHYSICIAN),
      new Person(CITY, "nurse-kim", Role.NURSE),
      new Person(CITY, "pharm-ng", Role.PHARMACIST),
      new Person(CITY, "res-curie", Role.RESEARCHER),
      new Person(INSURER_ORG, "claims-ann", Role.INSURER),
      GUARDIAN);

  private static final List<Person> OTHER_CLINICIANS = PEOPLE.subList(1, 10);
  private static final List<DataClass> CLINICAL = List.copyOf(EnumSet.copyOf(DataClass.CLINICAL));
  private static final List<SecurityLabel> SENSITIVE = List.of(SecurityLabel.PSY, SecurityLabel.ETH,
      SecurityLabel.HIV, SecurityLabel.GDIS);

  private PatientFixture() {}

  /** A consent as granted: period and root provision (the chain gives it its id). */
  public record Grant(Period period, Provision provision) {}

  /** The 100 consents of the patient, in grant order. */
  public static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>(CONSENTS);
    for (int i = 0; i < CONSENTS; i++) {
      grants.add(grant(i));
    }
    return grants;
  }

  private static Grant grant(int i) {
    Provision.Builder root = Provision.permit();
    switch (i % 10) {
      case 0 -> root.actors(REQUESTER.party()).purposes(PurposeOfUse.TREAT)
          .classes(classes(i, 3)).labels(SENSITIVE.get(i / 10 % 4));
      case 1 -> root.actors(OTHER_CLINICIANS.get(i / 10 % OTHER_CLINICIANS.size()).party())
          .purposes(PurposeOfUse.TREAT).classes(classes(i, 4));
      case 2 -> root.actors(Party.organisation(ST_MARY)).purposes(PurposeOfUse.TREAT, PurposeOfUse.HOPERAT)
          .actions(Action.READ, Action.WRITE).classes(classes(i, 5));
      case 3 -> root.actors(Party.organisation(CITY)).purposes(PurposeOfUse.TREAT).classes(classes(i, 2))
          .labels(SecurityLabel.R);
      case 4 -> root.actors(Party.role(Role.PHYSICIAN)).purposes(PurposeOfUse.TREAT).classes(classes(i, 3));
      case 5 -> root.actors(Party.role(Role.NURSE)).purposes(PurposeOfUse.TREAT).actions(Action.READ)
          .classes(classes(i, 4));
      case 6 -> root.actors(Party.role(Role.PHARMACIST)).purposes(PurposeOfUse.TREAT)
          .classes(DataClass.MEDICATION_REQUEST, DataClass.MEDICATION_STATEMENT, DataClass.ALLERGY_INTOLERANCE);
      case 7 -> root.actors(Party.organisation(INSURER_ORG)).purposes(PurposeOfUse.HPAYMT).actions(Action.READ)
          .classes(DataClass.CLAIM, DataClass.COVERAGE, DataClass.EXPLANATION_OF_BENEFIT);
      case 8 -> root.actors(Party.role(Role.RESEARCHER)).purposes(PurposeOfUse.HRESCH)
          .actions(Action.READ, Action.EXPORT).classes(classes(i, 6));
      default -> root.actors(OTHER_CLINICIANS.get((i / 10 + 5) % OTHER_CLINICIANS.size()).party(),
          Party.organisation(CITY)).purposes(PurposeOfUse.TREAT).actions(Action.READ, Action.DISCLOSE);
    }
    if (i % 7 == 3) {
      root.period(Period.between(MAR_1, NEXT_YEAR));
    }
    // A quarter with exceptions: a deny of a sensitive label or of a class, every third of those
    // with a permit nested in the deny again (for the patient's own physician).
    if (i % 4 == 1) {
      Provision.Builder deny = Provision.deny();
      if (i % 8 == 1) {
        deny.labels(SENSITIVE.get(i / 8 % 4));
      } else {
        deny.classes(DataClass.CARE_PLAN, DataClass.DOCUMENT_REFERENCE);
      }
      if (i % 3 == 0) {
        deny.except(Provision.permit().actors(REQUESTER.party()).actions(Action.READ).build());
      }
      root.except(deny.build());
    }
    // The consents dr-house's requests meet: the patient's own physician may read her mental-health
    // data; St Mary's may not see care plans.
    if (i == 10) {
      root = Provision.permit().actors(REQUESTER.party()).purposes(PurposeOfUse.TREAT).labels(SecurityLabel.PSY);
    } else if (i == 20) {
      root = Provision.permit().actors(Party.organisation(ST_MARY)).purposes(PurposeOfUse.TREAT)
          .except(Provision.deny().classes(DataClass.CARE_PLAN).build());
    }
    Period period = i % 3 == 0 ? Period.between(JAN_1, NEXT_YEAR.plusSeconds(86_400L * 365)) : Period.ALWAYS;
    return new Grant(period, root.build());
  }

  private static List<DataClass> classes(int i, int n) {
    List<DataClass> chosen = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      DataClass c = CLINICAL.get((i * 7 + k * 3) % CLINICAL.size());
      if (!chosen.contains(c) && c != DataClass.CARE_PLAN && c != DataClass.OBSERVATION) {
        chosen.add(c);
      }
    }
    if (i % 2 == 0) {
      chosen.add(DataClass.OBSERVATION);
    }
    return chosen;
  }

  /** The treating relationships: one active (St Mary's care team) and two that have ended. */
  public static List<Relationship> relationships() {
    return List.of(
        new Relationship(PATIENT, REQUESTER.party(), Relationship.Kind.ADMISSION,
            Period.between(MAR_1, Instant.parse("2026-04-01T00:00:00Z"))),
        new Relationship(PATIENT, Party.person(CITY, "dr-who"), Relationship.Kind.REFERRAL,
            Period.between(MAR_1, Instant.parse("2026-06-01T00:00:00Z"))),
        new Relationship(PATIENT, Party.organisation(ST_MARY), Relationship.Kind.CARE_TEAM, Period.from(MAR_1)));
  }

  /** The patient's delegation: her guardian may read everything. */
  public static Delegation delegation() {
    return new Delegation(PATIENT, GUARDIAN.party(), Set.of(Action.READ), Set.of(), Period.from(MAR_1));
  }

  /** A physician's READ request, as measured. */
  public enum Scenario {
    /** Observation, no sensitive label: every consent scanned, then permitted by the care team. */
    RELATIONSHIP(DataClass.OBSERVATION, Set.of(), ReasonCode.TREATING_RELATIONSHIP),
    /** A mental-health (PSY) Condition: a relationship is not enough; permitted by consent. */
    SENSITIVE(DataClass.CONDITION, Set.of(SecurityLabel.PSY), ReasonCode.CONSENT),
    /** A care plan: a nested deny of the patient applies, over the relationship. */
    DENIED(DataClass.CARE_PLAN, Set.of(), ReasonCode.DENIED_BY_CONSENT);

    private final DataClass dataClass;
    private final Set<SecurityLabel> labels;
    private final ReasonCode expected;

    Scenario(DataClass dataClass, Set<SecurityLabel> labels, ReasonCode expected) {
      this.dataClass = dataClass;
      this.labels = labels;
      this.expected = expected;
    }

    public AccessRequest request() {
      return AccessRequest.of(Requester.of(REQUESTER.organisation(), REQUESTER.name(), REQUESTER.role()), PATIENT,
          Action.READ, PurposeOfUse.TREAT, dataClass, labels, OrganisationId.of(ST_MARY), REQUEST_TIME);
    }

    public ReasonCode expected() {
      return expected;
    }
  }

  /** The patient's consents, relationships and delegation in memory, consents in id order as on chain. */
  public static PolicyState state() {
    List<Consent> consents = new ArrayList<>();
    List<Grant> grants = grants();
    for (int i = 0; i < grants.size(); i++) {
      String id = Digest.sha256(("consent-" + i).getBytes(StandardCharsets.UTF_8)).hex();
      consents.add(Consent.active(id, PATIENT, grants.get(i).period(), grants.get(i).provision()));
    }
    consents.sort(Comparator.comparing(Consent::id));
    return new InMemoryState(List.copyOf(consents), relationships(), List.of(delegation()),
        PolicyParameters.defaults());
  }

  /** A {@link PolicyState} of fixed lists (one patient). */
  public record InMemoryState(List<Consent> consents, List<Relationship> relationships, List<Delegation> delegations,
      PolicyParameters parameters) implements PolicyState {
    @Override
    public List<Consent> consents(PatientId patient) {
      return patient.equals(PATIENT) ? consents : List.of();
    }

    @Override
    public List<Relationship> relationships(PatientId patient) {
      return patient.equals(PATIENT) ? relationships : List.of();
    }

    @Override
    public List<Delegation> delegations(PatientId patient) {
      return patient.equals(PATIENT) ? delegations : List.of();
    }

    @Override
    public List<BreakGlass> breakGlass(Party.Person requester, PatientId patient) {
      return List.of();
    }
  }
}
