package org.medledger.node.fhir;

import java.time.Instant;
import java.util.Optional;
import org.medledger.contracts.consent.ConsentGrant;
import org.medledger.contracts.policy.Action;
import org.medledger.contracts.policy.DataClass;
import org.medledger.contracts.policy.Party;
import org.medledger.contracts.policy.PatientId;
import org.medledger.contracts.policy.Period;
import org.medledger.contracts.policy.Provision;
import org.medledger.contracts.policy.PurposeOfUse;
import org.medledger.contracts.policy.SecurityLabel;
import org.medledger.pki.Role;

/** Consents for the FHIR tests: a patient of st-mary, her physician, and a research exception. */
final class ConsentFixtures {
  static final PatientId PATIENT = PatientId.of("st-mary", "Ann Smith");
  static final Party.Person PHYSICIAN = Party.person("st-mary", "Bob Jones");
  static final Party INSURER = Party.organisation("acme-health");
  static final Party RESEARCHERS = Party.role(Role.RESEARCHER);
  static final Instant JAN_2024 = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant JAN_2025 = Instant.parse("2025-01-01T00:00:00Z");

  private ConsentFixtures() {}

  /** The physician may read and write clinical data for treatment. */
  static ConsentGrant simple() {
    return grant(Period.ALWAYS, Provision.permit()
        .actors(PHYSICIAN)
        .actions(Action.READ, Action.WRITE)
        .purposes(PurposeOfUse.TREAT)
        .classes(DataClass.OBSERVATION, DataClass.CONDITION)
        .build());
  }

  /**
   * Everything at once: three kinds of actor, every code, a consent period, provision periods,
   * and a deny for mental-health data inside the permit, with a permit nested in that deny.
   */
  static ConsentGrant everything() {
    Provision innermost = Provision.permit()
        .actors(PHYSICIAN)
        .purposes(PurposeOfUse.ETREAT)
        .period(Period.between(Instant.parse("2024-03-01T08:30:00.250Z"), Instant.parse("2024-03-01T20:00:00Z")))
        .build();
    Provision deny = Provision.deny()
        .labels(SecurityLabel.PSY, SecurityLabel.V)
        .actions(Action.DISCLOSE, Action.EXPORT)
        .except(innermost)
        .build();
    Provision root = Provision.permit()
        .actors(PHYSICIAN, INSURER, RESEARCHERS)
        .actions(Action.values())
        .purposes(PurposeOfUse.values())
        .classes(DataClass.values())
        .labels(SecurityLabel.values())
        .period(Period.from(JAN_2024))
        .except(deny, Provision.deny().actors(INSURER).classes(DataClass.OBSERVATION).build())
        .build();
    return grant(Period.between(JAN_2024, JAN_2025), root);
  }

  static ConsentGrant grant(Period period, Provision root) {
    return new ConsentGrant(PATIENT, period, root, Optional.empty());
  }

  /** Provisions nested {@code depth} levels deep (the root counts), alternating permit and deny. */
  static Provision nested(int depth) {
    Provision provision = Provision.deny().purposes(PurposeOfUse.HRESCH).build();
    for (int level = depth - 1; level >= 1; level--) {
      provision = (level % 2 == 1 ? Provision.permit() : Provision.deny())
          .actions(Action.READ).except(provision).build();
    }
    return provision;
  }

  /** The grant without its hash, to compare what a FHIR resource means. */
  static ConsentGrant withoutHash(ConsentGrant grant) {
    return new ConsentGrant(grant.patient(), grant.period(), grant.provision(), Optional.empty());
  }
}
