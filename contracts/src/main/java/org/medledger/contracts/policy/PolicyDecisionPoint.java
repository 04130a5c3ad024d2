package org.medledger.contracts.policy;

import java.time.Instant;
import java.util.List;
import org.medledger.pki.Role;

/**
 * The policy decision point: a pure function of a request and the state at block time to a
 * {@link Decision}. No clock but the request's time, no I/O, no randomness; the order of the
 * lists the state returns does not matter, so every node decides alike.
 *
 * <p>Deny by default, deny overrides permit. A request is decided in this order:
 *
 * <ol>
 *   <li>The role matrix ({@link PolicyParameters}): the role must have a cell for the purpose
 *       ({@code role-has-no-access}, {@code purpose-not-allowed-for-role}, or {@code
 *       break-glass-not-allowed-for-role} for ETREAT), the cell must allow the data class ({@code
 *       class-not-allowed-for-role}) and the action ({@code action-not-allowed-for-role}).
 *   <li>The cell's {@link AccessBasis}:
 *       <ul>
 *         <li>{@code OWN_DATA} (patients, PATRQT): the requester is the patient, or an active
 *             delegate within scope. Consents do not apply to the patient or to the patient's
 *             delegate acting for them: a consent governs other people's access.
 *         <li>{@code CARE} (physicians, nurses, pharmacists, TREAT): a consent that denies, denies
 *             ({@code denied-by-consent}), even over a treating relationship. Otherwise, for data
 *             without a sensitive label, READ and WRITE are permitted by an active treating
 *             relationship with the person or their organisation ({@code treating-relationship}).
 *             Otherwise a consent must permit, naming the action unless it is READ and naming every
 *             sensitive label of the data ({@code consent}); else {@code action-needs-consent} for
 *             DISCLOSE and EXPORT, {@code sensitive-needs-consent} for sensitive data, and {@code
 *             no-relationship-or-consent}.
 *         <li>{@code CONSENT} (insurers, HPAYMT, payment classes): a consent permits as above
 *             ({@code no-consent} otherwise).
 *         <li>{@code RESEARCH_CONSENT} (researchers, HRESCH): the request is for de-identified output
 *             ({@code not-deidentified}) and a consent permits as above, naming HRESCH ({@code
 *             no-research-consent}); the permit carries DEIDENTIFY_OUTPUT.
 *         <li>{@code OVERSIGHT} (auditors, HOPERAT, audit metadata): permitted by role; patient
 *             consent neither grants nor restricts oversight of the audit trail.
 *         <li>{@code BREAK_GLASS} (physicians and nurses, ETREAT, READ): an active break-glass grant
 *             of the requester for the patient ({@code no-break-glass}, {@code
 *             break-glass-expired}). Emergency access overrides a patient's deny, as is common
 *             practice (HIPAA permits emergency treatment disclosures): the permit then says {@code
 *             break-glass-overrides-consent-deny}. Every break-glass permit carries FLAG_BREAK_GLASS,
 *             NOTIFY_PATIENT and REVIEW_WITHIN(review deadline), so the override is seen by the
 *             patient and reviewed by an auditor.
 *       </ul>
 * </ol>
 *
 * <p>A consent that is inactive (revoked), outside its period, or whose provisions do not match,
 * does not apply; expired relationships, delegations and grants do not apply.
 */
public final class PolicyDecisionPoint {

  private PolicyDecisionPoint() {}

  /** Decides {@code request} against {@code state}. */
  public static Decision decide(AccessRequest request, PolicyState state) {
    PolicyParameters parameters = state.parameters();
    Role role = request.requester().role();
    PurposeOfUse purpose = request.purpose();
    if (!parameters.grantsAnything(role)) {
      return Decision.deny(ReasonCode.ROLE_HAS_NO_ACCESS,
          "the " + role.id() + " role has no access to patient data");
    }
    AccessRule rule = parameters.ruleOrNull(role, purpose);
    if (rule == null) {
      return purpose == PurposeOfUse.ETREAT
          ? Decision.deny(ReasonCode.BREAK_GLASS_NOT_ALLOWED_FOR_ROLE,
              "the " + role.id() + " role cannot break glass (ETREAT)")
          : Decision.deny(ReasonCode.PURPOSE_NOT_ALLOWED_FOR_ROLE,
              "the " + role.id() + " role may not ask for purpose " + purpose.code());
    }
    if (!rule.classes().contains(request.dataClass())) {
      return Decision.deny(ReasonCode.CLASS_NOT_ALLOWED_FOR_ROLE,
          "the " + role.id() + " role may not access " + request.dataClass() + " for " + purpose.code());
    }
    if (!rule.actions().contains(request.action())) {
      return Decision.deny(ReasonCode.ACTION_NOT_ALLOWED_FOR_ROLE,
          "the " + role.id() + " role may not " + request.action().id() + " for " + purpose.code());
    }
    switch (rule.basis()) {
      case OWN_DATA:
        return ownData(request, state);
      case CARE:
        return care(request, state, parameters);
      case CONSENT:
        return consentOnly(request, state, parameters);
      case RESEARCH_CONSENT:
        return research(request, state, parameters);
      case OVERSIGHT:
        return Decision.permit(ReasonCode.AUDIT_OVERSIGHT,
            "audit oversight of " + request.dataClass() + " by role");
      case BREAK_GLASS:
        return breakGlass(request, state, parameters);
      default:
        throw new IllegalStateException("unknown access basis " + rule.basis());
    }
  }

  /**
   * Decides a break-glass declaration: a requester whose role may break glass (a cell for ETREAT)
   * declares an emergency for the patient with purpose ETREAT and a written reason. The request's
   * action and data class are not looked at: the grant covers what the ETREAT cell allows. On a
   * permit, the break-glass contract records {@link BreakGlass#grant}.
   */
  public static Decision decideBreakGlass(AccessRequest declaration, PolicyState state) {
    PolicyParameters parameters = state.parameters();
    Role role = declaration.requester().role();
    if (declaration.purpose() != PurposeOfUse.ETREAT) {
      return Decision.deny(ReasonCode.NOT_BREAK_GLASS,
          "break-glass is declared with purpose ETREAT, not " + declaration.purpose().code());
    }
    if (parameters.ruleOrNull(role, PurposeOfUse.ETREAT) == null) {
      return Decision.deny(ReasonCode.BREAK_GLASS_NOT_ALLOWED_FOR_ROLE,
          "the " + role.id() + " role cannot break glass (ETREAT)");
    }
    if (declaration.breakGlassReason().isEmpty()) {
      return Decision.deny(ReasonCode.BREAK_GLASS_REASON_REQUIRED,
          "break-glass needs a written reason");
    }
    Instant until = declaration.time().plus(parameters.breakGlassDuration());
    return Decision.permit(ReasonCode.BREAK_GLASS_DECLARED,
        "emergency declared for " + declaration.patient() + " until " + until,
        breakGlassObligations(parameters));
  }

  private static Decision ownData(AccessRequest request, PolicyState state) {
    Requester requester = request.requester();
    PatientId patient = request.patient();
    if (requester.isPatient(patient)) {
      return Decision.permit(ReasonCode.OWN_DATA, "the patient's own data");
    }
    boolean outOfScope = false;
    boolean expired = false;
    for (Delegation delegation : state.delegations(patient)) {
      if (!delegation.patient().equals(patient) || !requester.isPerson(delegation.delegate())) {
        continue;
      }
      if (!delegation.isActiveAt(request.time())) {
        expired |= delegation.period().endedBy(request.time());
      } else if (delegation.covers(request.action(), request.dataClass())) {
        return Decision.permit(ReasonCode.DELEGATE, "acting as delegate of " + patient);
      } else {
        outOfScope = true;
      }
    }
    if (outOfScope) {
      return Decision.deny(ReasonCode.OUTSIDE_DELEGATION_SCOPE,
          "the delegation of " + patient + " does not cover " + request.action().id() + " of "
              + request.dataClass());
    }
    if (expired) {
      return Decision.deny(ReasonCode.DELEGATION_EXPIRED, "the delegation of " + patient + " has ended");
    }
    return Decision.deny(ReasonCode.NOT_OWN_DATA,
        "not the patient's own data and no delegation of " + patient);
  }

  private static Decision care(AccessRequest request, PolicyState state, PolicyParameters parameters) {
    Action action = request.action();
    int sensitive = sensitiveMask(request, parameters);
    ConsentScan scan = ConsentScan.of(state.consents(request.patient()), request,
        action == Action.READ ? null : action, null, sensitive);
    if (scan.denies()) {
      return deniedByConsent(scan);
    }
    if (sensitive == 0 && (action == Action.READ || action == Action.WRITE)
        && hasTreatingRelationship(request, state)) {
      return Decision.permit(ReasonCode.TREATING_RELATIONSHIP,
          "active treating relationship with " + request.patient());
    }
    if (scan.permits()) {
      return permittedByConsent(scan);
    }
    if (action == Action.DISCLOSE || action == Action.EXPORT) {
      return scan.permitsShortOfLabels()
          ? sensitiveNeedsConsent(request)
          : Decision.deny(ReasonCode.ACTION_NEEDS_CONSENT,
              "to " + action.id() + " needs a consent of the patient naming " + action.id());
    }
    if (sensitive != 0) {
      return sensitiveNeedsConsent(request);
    }
    return Decision.deny(ReasonCode.NO_RELATIONSHIP_OR_CONSENT,
        "no active treating relationship with " + request.patient() + " and no consent"
            + (action == Action.WRITE ? " naming write" : ""));
  }

  private static Decision consentOnly(AccessRequest request, PolicyState state, PolicyParameters parameters) {
    int sensitive = sensitiveMask(request, parameters);
    ConsentScan scan = ConsentScan.of(state.consents(request.patient()), request,
        request.action() == Action.READ ? null : request.action(), null, sensitive);
    if (scan.denies()) {
      return deniedByConsent(scan);
    }
    if (scan.permits()) {
      return permittedByConsent(scan);
    }
    if (scan.permitsShortOfLabels()) {
      return sensitiveNeedsConsent(request);
    }
    return Decision.deny(ReasonCode.NO_CONSENT, "no consent of " + request.patient() + " permits this");
  }

  private static Decision research(AccessRequest request, PolicyState state, PolicyParameters parameters) {
    if (!request.deidentified()) {
      return Decision.deny(ReasonCode.NOT_DEIDENTIFIED, "research gets de-identified output only");
    }
    int sensitive = sensitiveMask(request, parameters);
    ConsentScan scan = ConsentScan.of(state.consents(request.patient()), request,
        request.action() == Action.READ ? null : request.action(), request.purpose(), sensitive);
    if (scan.denies()) {
      return deniedByConsent(scan);
    }
    if (scan.permits()) {
      return Decision.permit(ReasonCode.RESEARCH_CONSENT,
          "research consent " + scan.permittingConsent() + ", de-identified output",
          List.of(Obligation.DEIDENTIFY_OUTPUT));
    }
    if (scan.permitsShortOfLabels()) {
      return sensitiveNeedsConsent(request);
    }
    return Decision.deny(ReasonCode.NO_RESEARCH_CONSENT,
        "no research consent of " + request.patient() + " permits this");
  }

  private static Decision breakGlass(AccessRequest request, PolicyState state, PolicyParameters parameters) {
    Requester requester = request.requester();
    Instant time = request.time();
    BreakGlass active = null;
    boolean expired = false;
    for (BreakGlass grant : state.breakGlass(requester.asPerson(), request.patient())) {
      if (!grant.patient().equals(request.patient()) || !requester.isPerson(grant.requester())) {
        continue;
      }
      if (grant.isActiveAt(time)) {
        if (active == null || grant.expiresAt().isAfter(active.expiresAt())) {
          active = grant;
        }
      } else {
        expired |= grant.hasExpiredBy(time);
      }
    }
    if (active == null) {
      return expired
          ? Decision.deny(ReasonCode.BREAK_GLASS_EXPIRED, "the break-glass grant for " + request.patient()
              + " has expired")
          : Decision.deny(ReasonCode.NO_BREAK_GLASS, "ETREAT needs an active break-glass grant for "
              + request.patient());
    }
    ConsentScan scan = ConsentScan.of(state.consents(request.patient()), request, null, null, 0);
    String message = "emergency access under break-glass until " + active.expiresAt();
    return scan.denies()
        ? Decision.permit(ReasonCode.BREAK_GLASS_OVERRIDES_CONSENT_DENY,
            message + ", overriding consent " + scan.denyingConsent() + " of the patient",
            breakGlassObligations(parameters))
        : Decision.permit(ReasonCode.BREAK_GLASS, message, breakGlassObligations(parameters));
  }

  private static List<Obligation> breakGlassObligations(PolicyParameters parameters) {
    return List.of(Obligation.FLAG_BREAK_GLASS, Obligation.NOTIFY_PATIENT,
        Obligation.reviewWithin(parameters.reviewDeadline()));
  }

  private static boolean hasTreatingRelationship(AccessRequest request, PolicyState state) {
    for (Relationship relationship : state.relationships(request.patient())) {
      if (relationship.patient().equals(request.patient()) && relationship.isActiveAt(request.time())
          && relationship.party().matches(request.requester())) {
        return true;
      }
    }
    return false;
  }

  private static int sensitiveMask(AccessRequest request, PolicyParameters parameters) {
    int mask = 0;
    for (SecurityLabel label : request.labels()) {
      if (parameters.sensitiveLabels().contains(label)) {
        mask |= 1 << label.ordinal();
      }
    }
    return mask;
  }

  private static Decision deniedByConsent(ConsentScan scan) {
    return Decision.deny(ReasonCode.DENIED_BY_CONSENT, "denied by consent " + scan.denyingConsent());
  }

  private static Decision permittedByConsent(ConsentScan scan) {
    return Decision.permit(ReasonCode.CONSENT, "permitted by consent " + scan.permittingConsent());
  }

  private static Decision sensitiveNeedsConsent(AccessRequest request) {
    return Decision.deny(ReasonCode.SENSITIVE_NEEDS_CONSENT,
        "data labelled " + request.labels() + " needs a consent naming its sensitive labels");
  }
}
